/**
 * Each function's minified bundle budget (issue 14 §3), checked by tests/infra/bundle-budget.test.ts
 * with the esbuild options CDK deploys with. Bytes, unlike times, are the same on every machine, so
 * a budget is exact: a heavy import added to a handler fails the test with the function's name and
 * its largest packages.
 *
 * The default is 1.3 × the bare DynamoDB handler (bench/bare-handler.ts, 323 KB): what a function
 * that reads and writes the table may weigh. A function above it is listed below with its reason,
 * its budget the size measured when it was listed (in the comment) rounded up to 50 KB with at
 * least 50 KB to spare. When the reason goes away (the route split, zod imported as a namespace),
 * lower or delete its entry: an exception is a debt with a name, not a second default.
 *
 * The lead moves these beside the route and function-table entries once the route split lands.
 */

/** KB (1024 bytes) of index.mjs, the minified bundle without its source map. */
export const DEFAULT_BUNDLE_BUDGET_KB = 420;

export interface BundleBudgetException {
  readonly kb: number;
  readonly reason: string;
}

const ROUTES =
  "loads the whole route table (every route's schemas, issue 14 §1) and zod's whole classic " +
  "namespace (`import { z } from 'zod'` keeps every locale: 444 KB of it)";
const ZOD_NAMESPACE =
  "domain events and lifecycle tables built with `import { z } from 'zod'`: the whole classic " +
  'namespace (444 KB, every locale) where `import * as z` would keep ~100 KB';
const COUNTER =
  'dynamodb-toolbox (70–85 KB) on top of the bare client: the counters write through the entities';
const S3 = 'the route table (see ROUTES) plus the S3 client and presigner (~150 KB)';
const XLSX =
  'the route table (see ROUTES) plus exceljs and what it brings (bluebird, jszip, streams: ~1.1 MB): the .xlsx export';
const PDF =
  'the route table (see ROUTES) plus the forms: DejaVu fonts as bytes (1.4 MB), brotli, fontkit, pdfkit (~2.4 MB)';

export const BUNDLE_BUDGET_EXCEPTIONS: Readonly<Record<string, BundleBudgetException>> = {
  getOpenApi: { kb: 1050, reason: ROUTES }, // 971 KB measured
  listProcedures: { kb: 1150, reason: ROUTES }, // 1079 KB measured
  getProcedure: { kb: 1150, reason: ROUTES }, // 1079 KB measured
  listAgencies: { kb: 1100, reason: ROUTES }, // 1042 KB measured
  putProcedure: { kb: 1100, reason: ROUTES }, // 1043 KB measured
  putAgency: { kb: 1100, reason: ROUTES }, // 1041 KB measured
  getTenantSettings: { kb: 1100, reason: ROUTES }, // 1040 KB measured
  putTenantSettings: { kb: 1150, reason: ROUTES }, // 1060 KB measured
  submitDossier: { kb: 1200, reason: ROUTES }, // 1125 KB measured
  decideReception: { kb: 1200, reason: ROUTES }, // 1124 KB measured
  getDossier: { kb: 1150, reason: ROUTES }, // 1088 KB measured
  trackDossier: { kb: 1150, reason: ROUTES }, // 1080 KB measured
  actOnDossier: { kb: 1200, reason: ROUTES }, // 1121 KB measured
  getControlSheet: { kb: 1150, reason: ROUTES }, // 1089 KB measured
  getWorkQueue: { kb: 1200, reason: ROUTES }, // 1108 KB measured
  createAttachment: { kb: 1300, reason: S3 }, // 1238 KB measured
  confirmAttachment: { kb: 1300, reason: S3 }, // 1234 KB measured
  listAttachments: { kb: 1150, reason: ROUTES }, // 1087 KB measured
  downloadAttachment: { kb: 1300, reason: S3 }, // 1232 KB measured
  createWebhookSubscription: { kb: 1150, reason: ROUTES }, // 1087 KB measured
  listWebhookSubscriptions: { kb: 1100, reason: ROUTES }, // 1045 KB measured
  getWebhookSubscription: { kb: 1100, reason: ROUTES }, // 1044 KB measured
  updateWebhookSubscription: { kb: 1100, reason: ROUTES }, // 1049 KB measured
  deleteWebhookSubscription: { kb: 1100, reason: ROUTES }, // 1043 KB measured
  rotateWebhookSecret: { kb: 1100, reason: ROUTES }, // 1045 KB measured
  listWebhookDeliveries: { kb: 1150, reason: ROUTES }, // 1057 KB measured
  redeliverWebhook: { kb: 1150, reason: ROUTES }, // 1059 KB measured
  redeliverWebhooksSince: { kb: 1150, reason: ROUTES }, // 1060 KB measured
  listWebhookNotices: { kb: 1100, reason: ROUTES }, // 1033 KB measured
  createAgencyClient: { kb: 1200, reason: ROUTES }, // 1113 KB measured
  listAgencyClients: { kb: 1100, reason: ROUTES }, // 1038 KB measured
  revokeAgencyClient: { kb: 1150, reason: ROUTES }, // 1075 KB measured
  getDossierForm: { kb: 3550, reason: PDF }, // 3475 KB measured
  trackingForm: { kb: 1150, reason: ROUTES }, // 1065 KB measured
  getApiReference: { kb: 1150, reason: ROUTES }, // 1077 KB measured
  importCatalog: { kb: 1150, reason: ROUTES }, // 1058 KB measured
  createTenant: { kb: 1200, reason: ROUTES }, // 1131 KB measured
  listTenants: { kb: 1150, reason: ROUTES }, // 1060 KB measured
  getTenantRecord: { kb: 1150, reason: ROUTES }, // 1054 KB measured
  suspendTenant: { kb: 1150, reason: ROUTES }, // 1055 KB measured
  resumeTenant: { kb: 1150, reason: ROUTES }, // 1055 KB measured
  createStaff: { kb: 1200, reason: ROUTES }, // 1117 KB measured
  listStaff: { kb: 1100, reason: ROUTES }, // 1040 KB measured
  getStaff: { kb: 1100, reason: ROUTES }, // 1039 KB measured
  updateStaff: { kb: 1150, reason: ROUTES }, // 1084 KB measured
  notFound: { kb: 1050, reason: ROUTES }, // 958 KB measured
  getReport: { kb: 1050, reason: ROUTES }, // 984 KB measured
  getUsage: { kb: 1150, reason: ROUTES }, // 1051 KB measured
  getTenantUsage: { kb: 1150, reason: ROUTES }, // 1052 KB measured
  getServiceIndex: { kb: 1100, reason: ROUTES }, // 1042 KB measured
  putServiceIndexInputs: { kb: 1100, reason: ROUTES }, // 1036 KB measured
  exportReport: { kb: 2250, reason: XLSX }, // 2170 KB measured
  getAgencyMonthSummary: { kb: 2250, reason: XLSX }, // 2161 KB measured
  deleteTenant: { kb: 1150, reason: ROUTES }, // 1055 KB measured
  addTenantAdmin: { kb: 1200, reason: ROUTES }, // 1131 KB measured
  deleteStaff: { kb: 1150, reason: ROUTES }, // 1080 KB measured
  getAuditLog: { kb: 1050, reason: ROUTES }, // 959 KB measured
  exportAuditLog: { kb: 1050, reason: ROUTES }, // 964 KB measured
  checkDeadlines: { kb: 1050, reason: ZOD_NAMESPACE }, // 991 KB measured
  fanoutWebhooks: { kb: 1100, reason: ZOD_NAMESPACE }, // 1021 KB measured
  deliverWebhook: { kb: 1150, reason: ZOD_NAMESPACE }, // 1052 KB measured
  sendNotifications: { kb: 1150, reason: ZOD_NAMESPACE }, // 1070 KB measured
  countReports: { kb: 550, reason: COUNTER }, // 484 KB measured
  countUsage: { kb: 550, reason: COUNTER }, // 471 KB measured
  countApiCalls: { kb: 550, reason: COUNTER }, // 458 KB measured
};

/** The budget of function `id` (a route id or a function-table id), in KB. */
export function bundleBudgetKb(id: string): number {
  return BUNDLE_BUDGET_EXCEPTIONS[id]?.kb ?? DEFAULT_BUNDLE_BUDGET_KB;
}

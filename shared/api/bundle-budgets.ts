/**
 * Each function's minified bundle budget (issue 14 §3), checked by tests/infra/bundle-budget.test.ts
 * with the esbuild options CDK deploys with. Bytes, unlike times, are the same on every machine, so
 * a budget is exact: a heavy import added to a handler fails the test with the function's name and
 * its largest packages.
 *
 * The default is 1.3 × the bare DynamoDB handler (bench/bare-handler.ts, 323 KB): what a function
 * that reads and writes the table may weigh. A function above it is listed below with its reason,
 * its budget the size measured when it was listed (in the comment) plus at least 25 KB, rounded up
 * to 25 KB. Measured after the route split and zod's namespace import (issue 14 §1–§2). When a
 * reason goes away, lower or delete its entry: an exception is a debt with a name, not a second
 * default.
 */

/** KB (1024 bytes) of index.mjs, the minified bundle without its source map. */
export const DEFAULT_BUNDLE_BUDGET_KB = 420;

export interface BundleBudgetException {
  readonly kb: number;
  readonly reason: string;
}

const ROUTE =
  "zod (~100 KB: the route's own contract and the domain's schemas), dynamodb-toolbox (~85 KB), the STS " +
  "client of the tenant-scoped credentials (~31 KB) and the route's own code (50–180 KB) over the bare " +
  'client: what issue 14 has left to cut (zod/mini, a lighter data layer)';
const CONSUMER =
  'zod (~95 KB: the domain events and lifecycle tables it parses) and dynamodb-toolbox (~85 KB) over the bare client';
const COUNTER =
  'dynamodb-toolbox (70–85 KB) on top of the bare client: the counters write through the entities';
const S3 = 'a route (see ROUTE) plus the S3 client and presigner (~150 KB)';
const XLSX =
  'a route (see ROUTE) plus exceljs and what it brings (bluebird, jszip, streams: ~1.1 MB): the .xlsx export';
const PDF =
  'a route (see ROUTE) plus the forms: DejaVu fonts as bytes (1.4 MB), brotli, fontkit, pdfkit (~2.4 MB)';

export const BUNDLE_BUDGET_EXCEPTIONS: Readonly<Record<string, BundleBudgetException>> = {
  getOpenApi: { kb: 700, reason: ROUTE }, // 666 KB measured
  listProcedures: { kb: 750, reason: ROUTE }, // 716 KB measured
  getProcedure: { kb: 750, reason: ROUTE }, // 716 KB measured
  listAgencies: { kb: 700, reason: ROUTE }, // 661 KB measured
  putProcedure: { kb: 700, reason: ROUTE }, // 663 KB measured
  putAgency: { kb: 700, reason: ROUTE }, // 661 KB measured
  getTenantSettings: { kb: 700, reason: ROUTE }, // 660 KB measured
  putTenantSettings: { kb: 725, reason: ROUTE }, // 680 KB measured
  submitDossier: { kb: 800, reason: ROUTE }, // 775 KB measured
  decideReception: { kb: 800, reason: ROUTE }, // 768 KB measured
  getDossier: { kb: 775, reason: ROUTE }, // 732 KB measured
  trackDossier: { kb: 750, reason: ROUTE }, // 723 KB measured
  actOnDossier: { kb: 800, reason: ROUTE }, // 770 KB measured
  getControlSheet: { kb: 775, reason: ROUTE }, // 738 KB measured
  getWorkQueue: { kb: 800, reason: ROUTE }, // 753 KB measured
  createAttachment: { kb: 925, reason: S3 }, // 886 KB measured
  confirmAttachment: { kb: 925, reason: S3 }, // 876 KB measured
  listAttachments: { kb: 775, reason: ROUTE }, // 735 KB measured
  downloadAttachment: { kb: 900, reason: S3 }, // 874 KB measured
  createWebhookSubscription: { kb: 775, reason: ROUTE }, // 732 KB measured
  listWebhookSubscriptions: { kb: 725, reason: ROUTE }, // 690 KB measured
  getWebhookSubscription: { kb: 725, reason: ROUTE }, // 688 KB measured
  updateWebhookSubscription: { kb: 725, reason: ROUTE }, // 694 KB measured
  deleteWebhookSubscription: { kb: 725, reason: ROUTE }, // 688 KB measured
  rotateWebhookSecret: { kb: 725, reason: ROUTE }, // 690 KB measured
  listWebhookDeliveries: { kb: 725, reason: ROUTE }, // 696 KB measured
  redeliverWebhook: { kb: 725, reason: ROUTE }, // 698 KB measured
  redeliverWebhooksSince: { kb: 725, reason: ROUTE }, // 699 KB measured
  listWebhookNotices: { kb: 700, reason: ROUTE }, // 663 KB measured
  createAgencyClient: { kb: 775, reason: ROUTE }, // 733 KB measured
  listAgencyClients: { kb: 700, reason: ROUTE }, // 658 KB measured
  revokeAgencyClient: { kb: 725, reason: ROUTE }, // 695 KB measured
  getDossierForm: { kb: 3150, reason: PDF }, // 3114 KB measured
  trackingForm: { kb: 750, reason: ROUTE }, // 702 KB measured
  getApiReference: { kb: 800, reason: ROUTE }, // 772 KB measured
  importCatalog: { kb: 725, reason: ROUTE }, // 678 KB measured
  createTenant: { kb: 800, reason: ROUTE }, // 754 KB measured
  listTenants: { kb: 725, reason: ROUTE }, // 682 KB measured
  getTenantRecord: { kb: 725, reason: ROUTE }, // 676 KB measured
  suspendTenant: { kb: 725, reason: ROUTE }, // 678 KB measured
  resumeTenant: { kb: 725, reason: ROUTE }, // 678 KB measured
  createStaff: { kb: 775, reason: ROUTE }, // 739 KB measured
  listStaff: { kb: 700, reason: ROUTE }, // 662 KB measured
  getStaff: { kb: 700, reason: ROUTE }, // 661 KB measured
  updateStaff: { kb: 750, reason: ROUTE }, // 706 KB measured
  notFound: { kb: 575, reason: ROUTE }, // 546 KB measured
  getReport: { kb: 625, reason: ROUTE }, // 588 KB measured
  getUsage: { kb: 675, reason: ROUTE }, // 642 KB measured
  getTenantUsage: { kb: 700, reason: ROUTE }, // 654 KB measured
  getServiceIndex: { kb: 700, reason: ROUTE }, // 667 KB measured
  putServiceIndexInputs: { kb: 700, reason: ROUTE }, // 661 KB measured
  exportReport: { kb: 1825, reason: XLSX }, // 1795 KB measured
  getAgencyMonthSummary: { kb: 1825, reason: XLSX }, // 1785 KB measured
  deleteTenant: { kb: 725, reason: ROUTE }, // 678 KB measured
  addTenantAdmin: { kb: 800, reason: ROUTE }, // 754 KB measured
  deleteStaff: { kb: 750, reason: ROUTE }, // 702 KB measured
  getAuditLog: { kb: 600, reason: ROUTE }, // 555 KB measured
  exportAuditLog: { kb: 600, reason: ROUTE }, // 559 KB measured
  getDossierByReceipt: { kb: 775, reason: ROUTE }, // 739 KB measured
  actOnDossierByReceipt: { kb: 800, reason: ROUTE }, // 769 KB measured
  createAttachmentByReceipt: { kb: 925, reason: S3 }, // 890 KB measured
  confirmAttachmentByReceipt: { kb: 925, reason: S3 }, // 884 KB measured
  listAttachmentsByReceipt: { kb: 775, reason: ROUTE }, // 737 KB measured
  checkDeadlines: { kb: 675, reason: CONSUMER }, // 637 KB measured
  fanoutWebhooks: { kb: 700, reason: CONSUMER }, // 671 KB measured
  deliverWebhook: { kb: 725, reason: CONSUMER }, // 696 KB measured
  sendNotifications: { kb: 750, reason: CONSUMER }, // 716 KB measured
  countReports: { kb: 525, reason: COUNTER }, // 485 KB measured
  countUsage: { kb: 500, reason: COUNTER }, // 472 KB measured
  countApiCalls: { kb: 500, reason: COUNTER }, // 459 KB measured
};

/** The budget of function `id` (a route id or a function-table id), in KB. */
export function bundleBudgetKb(id: string): number {
  return BUNDLE_BUDGET_EXCEPTIONS[id]?.kb ?? DEFAULT_BUNDLE_BUDGET_KB;
}

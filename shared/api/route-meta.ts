/**
 * What every part of the system knows about a route except its schemas: id, method, path, handler
 * module, auth, the policy's action, resource access, documentation text, idempotency, page, bundle
 * budget. Each route's metadata is its own module, shared/api/route-meta/<routeId>.ts, and this
 * module lists them all in ROUTE_META, which CDK, the offline gateway, function-env, the OpenAPI
 * document (through routes.ts) and tests read. A handler imports its own route's module, never
 * this one, so its bundle holds its route alone (issue 14 §1); none of them imports zod or a
 * schema module.
 *
 * A route's schemas (request params/query/body, documented responses) live in its own contract,
 * shared/api/contracts/<routeId>.ts, which imports only the schema building blocks it uses.
 * shared/api/routes.ts joins the two into the full table (ROUTES, RouteDef) for the OpenAPI
 * document, tests and tools: it is derived, never written by hand.
 *
 * Adding a route:
 * 1. Write shared/api/route-meta/<id>.ts exporting `<id>Meta = { id, method, path, entry, auth,
 *    action, access, summary, tags, and `idempotent` / `page` / `bundle` when they apply } as const
 *    satisfies RouteMeta`, and append `<id>Meta` to ROUTE_META below. `bundle` only when its bundle
 *    is above the default budget, with a reason (shared/api/bundle-budgets.ts).
 * 2. Write shared/api/contracts/<id>.ts exporting `<id>Contract = { id, request?, responses }`
 *    (`...problemResponses` from ./contracts/problem-responses for the usual 400–404), and list it
 *    in shared/api/contracts/index.ts. `npm run typecheck` fails while either side is missing, and
 *    tests/unit/api/route-split.test.ts fails on a contract or a metadata module without a route or
 *    the other way round.
 * 3. Write the handler at `entry`:
 *    `export const handler = httpHandler(<id>Meta, <id>Contract, async (…) => …)`, importing both
 *    from their own modules (never from this module, routes.ts or the contracts index, which would
 *    bundle every route's metadata or schemas: route-split.test.ts fails on it).
 */
import type { BucketArea } from '../data/attachment-keys';
import type { BundleBudget } from './bundle-budgets';
import type { Role } from '../platform/claims';
import { rolesFor, type Action } from '../domain/policy';
import { getOpenApiMeta } from './route-meta/getOpenApi';
import { listProceduresMeta } from './route-meta/listProcedures';
import { getProcedureMeta } from './route-meta/getProcedure';
import { listAgenciesMeta } from './route-meta/listAgencies';
import { putProcedureMeta } from './route-meta/putProcedure';
import { putAgencyMeta } from './route-meta/putAgency';
import { getTenantSettingsMeta } from './route-meta/getTenantSettings';
import { putTenantSettingsMeta } from './route-meta/putTenantSettings';
import { submitDossierMeta } from './route-meta/submitDossier';
import { decideReceptionMeta } from './route-meta/decideReception';
import { getDossierMeta } from './route-meta/getDossier';
import { trackDossierMeta } from './route-meta/trackDossier';
import { actOnDossierMeta } from './route-meta/actOnDossier';
import { getControlSheetMeta } from './route-meta/getControlSheet';
import { getWorkQueueMeta } from './route-meta/getWorkQueue';
import { createAttachmentMeta } from './route-meta/createAttachment';
import { confirmAttachmentMeta } from './route-meta/confirmAttachment';
import { listAttachmentsMeta } from './route-meta/listAttachments';
import { downloadAttachmentMeta } from './route-meta/downloadAttachment';
import { createWebhookSubscriptionMeta } from './route-meta/createWebhookSubscription';
import { listWebhookSubscriptionsMeta } from './route-meta/listWebhookSubscriptions';
import { getWebhookSubscriptionMeta } from './route-meta/getWebhookSubscription';
import { updateWebhookSubscriptionMeta } from './route-meta/updateWebhookSubscription';
import { deleteWebhookSubscriptionMeta } from './route-meta/deleteWebhookSubscription';
import { rotateWebhookSecretMeta } from './route-meta/rotateWebhookSecret';
import { listWebhookDeliveriesMeta } from './route-meta/listWebhookDeliveries';
import { redeliverWebhookMeta } from './route-meta/redeliverWebhook';
import { redeliverWebhooksSinceMeta } from './route-meta/redeliverWebhooksSince';
import { listWebhookNoticesMeta } from './route-meta/listWebhookNotices';
import { createAgencyClientMeta } from './route-meta/createAgencyClient';
import { listAgencyClientsMeta } from './route-meta/listAgencyClients';
import { revokeAgencyClientMeta } from './route-meta/revokeAgencyClient';
import { getDossierFormMeta } from './route-meta/getDossierForm';
import { trackingFormMeta } from './route-meta/trackingForm';
import { getApiReferenceMeta } from './route-meta/getApiReference';
import { importCatalogMeta } from './route-meta/importCatalog';
import { createTenantMeta } from './route-meta/createTenant';
import { listTenantsMeta } from './route-meta/listTenants';
import { getTenantRecordMeta } from './route-meta/getTenantRecord';
import { suspendTenantMeta } from './route-meta/suspendTenant';
import { resumeTenantMeta } from './route-meta/resumeTenant';
import { createStaffMeta } from './route-meta/createStaff';
import { listStaffMeta } from './route-meta/listStaff';
import { getStaffMeta } from './route-meta/getStaff';
import { updateStaffMeta } from './route-meta/updateStaff';
import { notFoundMeta } from './route-meta/notFound';
import { getReportMeta } from './route-meta/getReport';
import { getUsageMeta } from './route-meta/getUsage';
import { getTenantUsageMeta } from './route-meta/getTenantUsage';
import { getServiceIndexMeta } from './route-meta/getServiceIndex';
import { putServiceIndexInputsMeta } from './route-meta/putServiceIndexInputs';
import { exportReportMeta } from './route-meta/exportReport';
import { getAgencyMonthSummaryMeta } from './route-meta/getAgencyMonthSummary';
import { deleteTenantMeta } from './route-meta/deleteTenant';
import { addTenantAdminMeta } from './route-meta/addTenantAdmin';
import { deleteStaffMeta } from './route-meta/deleteStaff';
import { getAuditLogMeta } from './route-meta/getAuditLog';
import { exportAuditLogMeta } from './route-meta/exportAuditLog';
import { getDossierByReceiptMeta } from './route-meta/getDossierByReceipt';
import { actOnDossierByReceiptMeta } from './route-meta/actOnDossierByReceipt';
import { createAttachmentByReceiptMeta } from './route-meta/createAttachmentByReceipt';
import { confirmAttachmentByReceiptMeta } from './route-meta/confirmAttachmentByReceipt';
import { listAttachmentsByReceiptMeta } from './route-meta/listAttachmentsByReceipt';

/** `public`: no token. `user`: any valid token (staff, citizen or agency system); roles narrow it. */
export type RouteAuth = 'public' | 'user';

/** What a function may do to the objects of one area of the attachments bucket. */
export type BucketAction = 'read' | 'write' | 'delete';

/** What a function may do with each resource; CDK turns it into least-privilege grants. */
export interface ResourceAccess {
  table?: 'read' | 'readWrite';
  /**
   * Per area of the bucket (shared/data/attachment-keys.ts). A presigned URL can do only what its
   * signer may, so the area a route may write is the only one its URLs can write.
   */
  bucket?: Partial<Record<BucketArea, readonly BucketAction[]>>;
  /**
   * Checks or reaches webhook targets (the SSRF guard, shared/platform/webhook-target.ts). Offline,
   * such a function gets WEBHOOK_LOOPBACK_ALLOWED=true (infra/local/function-env.ts); CDK never
   * sets it, so in AWS no webhook reaches loopback.
   */
  webhookTargets?: boolean;
  /**
   * `agencyClients`: create, describe and delete app clients of the user pool (agencies' systems).
   * `users`: create, read, update, enable and disable users of the pool (staff accounts).
   * Either gives the function USER_POOL_ID, and offline the local issuer's Cognito endpoint.
   */
  cognito?: 'agencyClients' | 'users';
  /** The API's public base URL (PUBLIC_BASE_URL), for links printed for citizens (the forms' QR code). */
  publicBaseUrl?: boolean;
  /**
   * Seals or opens applicants' personal data (issue 11 §5): kms:GenerateDataKey and kms:Decrypt on
   * the personal-data key, for the tenant's encryption context, and PERSONAL_DATA_KEY_ID; offline,
   * the local KMS's endpoint (AWS_ENDPOINT_URL_KMS).
   */
  personalData?: boolean;
  /**
   * Writes audit records (shared/usecases/audit.ts). A `read` route gets PutItem on the audit
   * partitions only (infra/constructs/access.ts grantAuditAppend); a `readWrite` one has it already.
   */
  audit?: boolean;
  /**
   * Whether the use case runs with credentials scoped to the caller's tenant (issue 11 §3,
   * shared/api/tenant-scope.ts): by default, every route with table or bucket access that is not
   * the operator's. `false` for a route that is cross-tenant by design.
   */
  tenantScoped?: boolean;
}

export interface RouteMeta {
  /** Stable id: the operationId and the Lambda function's logical name. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** API Gateway path template, e.g. `/v1/dossiers/{code}`; `$default` for the catch-all. */
  path: string;
  /** Handler module relative to the repo root; it exports `handler`. */
  entry: string;
  auth: RouteAuth;
  /**
   * What the route does, in the policy's words (shared/domain/policy): the roles that may call it
   * are read from the policy table (`routeRoles`), never written here, so there is one source.
   */
  action: Action;
  access: ResourceAccess;
  summary: string;
  tags: string[];
  /**
   * Creating POSTs honour `Idempotency-Key`: the handler passes `request.idempotency` to its use
   * case, which takes the key in the transaction of its change (shared/usecases/once-per-key.ts).
   */
  idempotent?: boolean;
  /**
   * A public HTML page for browsers (shared/pages, shared/platform/page-handler.ts). `negotiated`:
   * the same URL answers JSON, and HTML to a client that prefers `text/html` (a browser, a phone
   * that scanned a form's QR code). `only`: the route is a page. Either way its 200, 400 and 404
   * are documented as text/html too, and 304 (ETag).
   */
  page?: 'negotiated' | 'only';
  /**
   * Its function's bundle budget when above the default, with the reason
   * (shared/api/bundle-budgets.ts; tests/infra/bundle-budget.test.ts checks it).
   */
  bundle?: BundleBudget;
}

export const ROUTE_META = [
  getOpenApiMeta,
  listProceduresMeta,
  getProcedureMeta,
  listAgenciesMeta,
  putProcedureMeta,
  putAgencyMeta,
  getTenantSettingsMeta,
  putTenantSettingsMeta,
  submitDossierMeta,
  decideReceptionMeta,
  getDossierMeta,
  trackDossierMeta,
  actOnDossierMeta,
  getControlSheetMeta,
  getWorkQueueMeta,
  createAttachmentMeta,
  confirmAttachmentMeta,
  listAttachmentsMeta,
  downloadAttachmentMeta,
  createWebhookSubscriptionMeta,
  listWebhookSubscriptionsMeta,
  getWebhookSubscriptionMeta,
  updateWebhookSubscriptionMeta,
  deleteWebhookSubscriptionMeta,
  rotateWebhookSecretMeta,
  listWebhookDeliveriesMeta,
  redeliverWebhookMeta,
  redeliverWebhooksSinceMeta,
  listWebhookNoticesMeta,
  createAgencyClientMeta,
  listAgencyClientsMeta,
  revokeAgencyClientMeta,
  getDossierFormMeta,
  trackingFormMeta,
  getApiReferenceMeta,
  importCatalogMeta,
  createTenantMeta,
  listTenantsMeta,
  getTenantRecordMeta,
  suspendTenantMeta,
  resumeTenantMeta,
  createStaffMeta,
  listStaffMeta,
  getStaffMeta,
  updateStaffMeta,
  notFoundMeta,
  getReportMeta,
  getUsageMeta,
  getTenantUsageMeta,
  getServiceIndexMeta,
  putServiceIndexInputsMeta,
  exportReportMeta,
  getAgencyMonthSummaryMeta,
  deleteTenantMeta,
  addTenantAdminMeta,
  deleteStaffMeta,
  getAuditLogMeta,
  exportAuditLogMeta,
  getDossierByReceiptMeta,
  actOnDossierByReceiptMeta,
  createAttachmentByReceiptMeta,
  confirmAttachmentByReceiptMeta,
  listAttachmentsByReceiptMeta,
] as const satisfies readonly RouteMeta[];

export type RouteId = (typeof ROUTE_META)[number]['id'];
export type RouteMetaOf<Id extends RouteId> = Extract<(typeof ROUTE_META)[number], { id: Id }>;

/** `GET /v1/x` — the API Gateway route key of a route (the catch-all keeps `$default`). */
export const routeKey = (r: Pick<RouteMeta, 'method' | 'path'>): string =>
  r.path === '$default' ? '$default' : `${r.method} ${r.path}`;

/**
 * The roles that may call a route, from the authorization policy: what the OpenAPI document lists
 * and the handler checks first. Undefined for public routes (no token).
 */
export const routeRoles = (r: Pick<RouteMeta, 'auth' | 'action'>): readonly Role[] | undefined =>
  r.auth === 'public' ? undefined : rolesFor(r.action);

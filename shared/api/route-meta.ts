/**
 * What every part of the system knows about a route except its schemas: id, method, path, handler
 * module, auth, the policy's action, resource access, documentation text, idempotency, page. CDK,
 * the offline gateway, the access guard, function-env and the handler runtime read this; it
 * imports neither zod nor any schema module, so whatever bundles it stays light (issue 14 §1).
 *
 * A route's schemas (request params/query/body, documented responses) live in its own contract,
 * shared/api/contracts/<routeId>.ts, which imports only the schema building blocks it uses. A
 * handler names its contract (`httpHandler(submitDossierContract, …)`), so its bundle holds that
 * contract alone. shared/api/routes.ts joins the two into the full table (ROUTES, RouteDef) for
 * the OpenAPI document, tests and tools: it is derived, never written by hand.
 *
 * Adding a route:
 * 1. Append its entry to ROUTE_META below (id, method, path, entry, auth, action, access, summary,
 *    tags, and `idempotent` / `page` when they apply).
 * 2. Write shared/api/contracts/<id>.ts exporting `<id>Contract = { id, request?, responses }`
 *    (`...problemResponses` from ./contracts/problem-responses for the usual 400–404), and list it
 *    in shared/api/contracts/index.ts. `npm run typecheck` fails while either side is missing, and
 *    tests/unit/api/route-split.test.ts fails on a contract without a route or the other way round.
 * 3. Write the handler at `entry`: `export const handler = httpHandler(<id>Contract, async (…) => …)`
 *    importing the contract from its own module (never from routes.ts or the contracts index,
 *    which would bundle every route's schemas).
 */
import type { BucketArea } from '../data/attachment-keys';
import type { Role } from '../platform/claims';
import { rolesFor, type Action } from '../domain/policy';

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
}

export const ROUTE_META = [
  {
    id: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    entry: 'functions/platform/openapi.ts',
    auth: 'public',
    action: 'public',
    access: {},
    summary: 'Tài liệu OpenAPI 3.1 / the OpenAPI 3.1 document',
    tags: ['platform'],
  },
  {
    id: 'listProcedures',
    method: 'GET',
    path: '/v1/public/{tenant}/procedures',
    entry: 'functions/catalog/list-procedures.ts',
    auth: 'public',
    action: 'public',
    access: { table: 'read' },
    summary:
      'Danh mục thủ tục, lọc theo lĩnh vực và tìm không dấu / procedure catalog with field filter and accent-insensitive search',
    tags: ['catalog'],
    page: 'negotiated',
  },
  {
    id: 'getProcedure',
    method: 'GET',
    path: '/v1/public/{tenant}/procedures/{code}',
    entry: 'functions/catalog/get-procedure.ts',
    auth: 'public',
    action: 'public',
    access: { table: 'read' },
    summary: 'Một thủ tục theo mã / one procedure by code',
    tags: ['catalog'],
    page: 'negotiated',
  },
  {
    id: 'listAgencies',
    method: 'GET',
    path: '/v1/public/{tenant}/agencies',
    entry: 'functions/catalog/list-agencies.ts',
    auth: 'public',
    action: 'public',
    access: { table: 'read' },
    summary: 'Cây cơ quan và điểm tiếp nhận / agency tree and reception points',
    tags: ['catalog'],
  },
  {
    id: 'putProcedure',
    method: 'PUT',
    path: '/v1/admin/procedures/{code}',
    entry: 'functions/catalog/put-procedure.ts',
    auth: 'user',
    action: 'catalog.admin',
    access: { table: 'readWrite' },
    summary: 'Tạo hoặc sửa thủ tục / create or replace a procedure',
    tags: ['admin'],
  },
  {
    id: 'putAgency',
    method: 'PUT',
    path: '/v1/admin/agencies/{code}',
    entry: 'functions/catalog/put-agency.ts',
    auth: 'user',
    action: 'catalog.admin',
    access: { table: 'readWrite' },
    summary: 'Tạo hoặc sửa cơ quan / create or replace an agency',
    tags: ['admin'],
  },
  {
    id: 'getTenantSettings',
    method: 'GET',
    path: '/v1/admin/settings',
    entry: 'functions/catalog/get-settings.ts',
    auth: 'user',
    action: 'catalog.admin',
    access: { table: 'read' },
    summary:
      "Cấu hình của tỉnh: giờ làm việc, ngày làm bù, ngày nghỉ địa phương / the tenant's office hours and calendar overrides",
    tags: ['admin'],
  },
  {
    id: 'putTenantSettings',
    method: 'PUT',
    path: '/v1/admin/settings',
    entry: 'functions/catalog/put-settings.ts',
    auth: 'user',
    action: 'catalog.admin',
    access: { table: 'readWrite' },
    summary:
      'Sửa giờ làm việc, tuần làm việc, giờ chốt nhận, ngày nghỉ/làm bù của tỉnh / set office hours, working week, cut-off and overrides',
    tags: ['admin'],
  },
  {
    id: 'submitDossier',
    method: 'POST',
    path: '/v1/dossiers',
    entry: 'functions/dossiers/submit.ts',
    auth: 'user',
    action: 'dossier.submit',
    access: { table: 'readWrite', personalData: true },
    idempotent: true,
    summary: 'Nộp / tiếp nhận hồ sơ tại quầy, trực tuyến hoặc qua bưu chính / submit or receive a dossier',
    tags: ['dossiers'],
  },
  {
    id: 'decideReception',
    method: 'POST',
    path: '/v1/dossiers/{code}/reception-decision',
    entry: 'functions/dossiers/decide-reception.ts',
    auth: 'user',
    action: 'dossier.decideReception',
    access: { table: 'readWrite', personalData: true, audit: true },
    idempotent: true,
    summary: 'Tiếp nhận, yêu cầu bổ sung hoặc từ chối hồ sơ nộp trực tuyến / decide on an online dossier',
    tags: ['dossiers'],
  },
  {
    id: 'getDossier',
    method: 'GET',
    path: '/v1/dossiers/{code}',
    entry: 'functions/dossiers/get.ts',
    auth: 'user',
    action: 'dossier.read',
    access: { table: 'read', personalData: true, audit: true },
    summary: 'Toàn bộ hồ sơ cho cán bộ hoặc người nộp / full dossier for staff or its applicant',
    tags: ['dossiers'],
  },
  {
    id: 'trackDossier',
    method: 'GET',
    path: '/v1/public/{tenant}/dossiers/{code}',
    entry: 'functions/dossiers/track.ts',
    auth: 'public',
    action: 'public',
    access: { table: 'read' },
    summary: 'Tra cứu tiến độ hồ sơ theo mã, không cần đăng nhập / track a dossier by code',
    tags: ['tracking'],
    page: 'negotiated',
  },
  {
    id: 'actOnDossier',
    method: 'POST',
    path: '/v1/dossiers/{code}/actions',
    entry: 'functions/dossiers/act.ts',
    auth: 'user',
    action: 'dossier.act',
    access: { table: 'readWrite', personalData: true, audit: true },
    summary:
      'Xử lý hồ sơ: phân công, chuyển, trả lại, bổ sung, phê duyệt, ký, xin lỗi hẹn lại, trả kết quả, rút / act on a dossier (optimistic locking by expectedVersion)',
    tags: ['processing'],
  },
  {
    id: 'getControlSheet',
    method: 'GET',
    path: '/v1/dossiers/{code}/history',
    entry: 'functions/dossiers/history.ts',
    auth: 'user',
    action: 'dossier.history',
    access: { table: 'read', personalData: true },
    summary: 'Phiếu kiểm soát quá trình giải quyết (mẫu 06) / the control sheet (form 06)',
    tags: ['processing'],
  },
  {
    id: 'getWorkQueue',
    method: 'GET',
    path: '/v1/work-queue',
    entry: 'functions/dossiers/work-queue.ts',
    auth: 'user',
    action: 'workQueue.read',
    access: { table: 'read', personalData: true },
    summary:
      'Hồ sơ chờ xử lý tại cơ quan, theo hạn, cờ sắp đến hạn / quá hạn / work queue by due time with due-soon and overdue flags',
    tags: ['processing'],
  },
  {
    id: 'createAttachment',
    method: 'POST',
    path: '/v1/dossiers/{code}/attachments',
    entry: 'functions/attachments/create.ts',
    auth: 'user',
    action: 'attachments.write',
    // Signs upload URLs: for the staging area only, so no URL can write a stored scan.
    access: { table: 'readWrite', bucket: { staging: ['write'] }, personalData: true },
    idempotent: true,
    summary: 'Xin URL tải lên bản quét / get a presigned upload URL for a scan',
    tags: ['attachments'],
  },
  {
    id: 'confirmAttachment',
    method: 'POST',
    path: '/v1/dossiers/{code}/attachments/{id}/confirm',
    entry: 'functions/attachments/confirm.ts',
    auth: 'user',
    action: 'attachments.write',
    // Reads the staged upload and removes it; writes the checked bytes to the stored area.
    access: {
      table: 'readWrite',
      bucket: { staging: ['read', 'delete'], stored: ['write'] },
      personalData: true,
    },
    summary: 'Xác nhận tệp đã tải lên: kiểm tra kích thước, loại, SHA-256 / verify what landed',
    tags: ['attachments'],
  },
  {
    id: 'listAttachments',
    method: 'GET',
    path: '/v1/dossiers/{code}/attachments',
    entry: 'functions/attachments/list.ts',
    auth: 'user',
    action: 'attachments.read',
    access: { table: 'read', personalData: true },
    summary: "Danh sách bản quét của hồ sơ / the dossier's scans",
    tags: ['attachments'],
  },
  {
    id: 'downloadAttachment',
    method: 'GET',
    path: '/v1/dossiers/{code}/attachments/{id}/download',
    entry: 'functions/attachments/download.ts',
    auth: 'user',
    action: 'attachments.read',
    access: { table: 'read', bucket: { stored: ['read'] }, personalData: true, audit: true },
    summary: 'URL tải xuống ngắn hạn / short-lived download URL',
    tags: ['attachments'],
  },
  {
    id: 'createWebhookSubscription',
    method: 'POST',
    path: '/v1/webhooks/subscriptions',
    entry: 'functions/webhooks/create.ts',
    auth: 'user',
    action: 'webhooks.manage',
    access: { table: 'readWrite', webhookTargets: true },
    idempotent: true,
    summary:
      'Đăng ký nhận webhook; khóa ký chỉ hiện một lần / subscribe to webhooks; the signing secret is shown once',
    tags: ['webhooks'],
  },
  {
    id: 'listWebhookSubscriptions',
    method: 'GET',
    path: '/v1/webhooks/subscriptions',
    entry: 'functions/webhooks/list.ts',
    auth: 'user',
    action: 'webhooks.read',
    access: { table: 'read' },
    summary:
      'Các đăng ký webhook: cả tỉnh (quản trị) hoặc của cơ quan mình / webhook subscriptions: the tenant’s or the own agency’s',
    tags: ['webhooks'],
  },
  {
    id: 'getWebhookSubscription',
    method: 'GET',
    path: '/v1/webhooks/subscriptions/{id}',
    entry: 'functions/webhooks/get.ts',
    auth: 'user',
    action: 'webhooks.read',
    access: { table: 'read' },
    summary: 'Một đăng ký webhook, không kèm khóa ký / one webhook subscription, never its secret',
    tags: ['webhooks'],
  },
  {
    id: 'updateWebhookSubscription',
    method: 'PATCH',
    path: '/v1/webhooks/subscriptions/{id}',
    entry: 'functions/webhooks/update.ts',
    auth: 'user',
    action: 'webhooks.manage',
    access: { table: 'readWrite', webhookTargets: true },
    summary:
      'Sửa URL, loại sự kiện, bật/tắt, mô tả (khóa lạc quan expectedVersion) / change url, event types, enabled, description (optimistic locking by expectedVersion)',
    tags: ['webhooks'],
  },
  {
    id: 'deleteWebhookSubscription',
    method: 'DELETE',
    path: '/v1/webhooks/subscriptions/{id}',
    entry: 'functions/webhooks/delete.ts',
    auth: 'user',
    action: 'webhooks.manage',
    access: { table: 'readWrite' },
    summary: 'Xóa đăng ký webhook / delete a webhook subscription',
    tags: ['webhooks'],
  },
  {
    id: 'rotateWebhookSecret',
    method: 'POST',
    path: '/v1/webhooks/subscriptions/{id}/rotate-secret',
    entry: 'functions/webhooks/rotate-secret.ts',
    auth: 'user',
    action: 'webhooks.manage',
    access: { table: 'readWrite' },
    summary:
      'Đổi khóa ký: khóa mới hiện một lần, khóa cũ còn ký trong thời gian chuyển tiếp / rotate the secret: the new one is shown once, the old one keeps signing for the grace period',
    tags: ['webhooks'],
  },
  {
    id: 'listWebhookDeliveries',
    method: 'GET',
    path: '/v1/webhooks/subscriptions/{id}/deliveries',
    entry: 'functions/webhooks/list-deliveries.ts',
    auth: 'user',
    action: 'webhooks.read',
    access: { table: 'read' },
    summary:
      'Nhật ký gửi webhook, mới nhất trước, kèm các lần thử (không kèm nội dung) / the delivery log, newest first, with its attempts (never bodies)',
    tags: ['webhooks'],
  },
  {
    id: 'redeliverWebhook',
    method: 'POST',
    path: '/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver',
    entry: 'functions/webhooks/redeliver.ts',
    auth: 'user',
    action: 'webhooks.manage',
    access: { table: 'readWrite' },
    summary:
      'Gửi lại một sự kiện (lịch thử lại bắt đầu lại, cùng webhook-id) / redeliver one event (the schedule restarts, same webhook-id)',
    tags: ['webhooks'],
  },
  {
    id: 'redeliverWebhooksSince',
    method: 'POST',
    path: '/v1/webhooks/subscriptions/{id}/redeliver',
    entry: 'functions/webhooks/redeliver-since.ts',
    auth: 'user',
    action: 'webhooks.manage',
    access: { table: 'readWrite' },
    summary:
      'Gửi lại mọi lần gửi chưa tới nơi từ một thời điểm / redeliver every undelivered (failed, dead, gone, skipped) delivery since an instant',
    tags: ['webhooks'],
  },
  {
    id: 'listWebhookNotices',
    method: 'GET',
    path: '/v1/webhooks/notices',
    entry: 'functions/webhooks/list-notices.ts',
    auth: 'user',
    action: 'webhooks.read',
    access: { table: 'read' },
    summary:
      'Thông báo webhook lỗi (lần gửi bị bỏ, đăng ký bị tắt tự động), mới nhất trước / what failed: deliveries given up and subscriptions disabled automatically, newest first',
    tags: ['webhooks'],
  },
  {
    id: 'createAgencyClient',
    method: 'POST',
    path: '/v1/admin/agency-clients',
    entry: 'functions/admin/create-agency-client.ts',
    auth: 'user',
    action: 'agencyClients.admin',
    access: { table: 'readWrite', cognito: 'agencyClients', audit: true },
    idempotent: true,
    summary:
      'Đăng ký hệ thống của một cơ quan (OAuth2 client credentials); bí mật chỉ hiện một lần / register an agency system; the secret is shown once',
    tags: ['admin'],
  },
  {
    id: 'listAgencyClients',
    method: 'GET',
    path: '/v1/admin/agency-clients',
    entry: 'functions/admin/list-agency-clients.ts',
    auth: 'user',
    action: 'agencyClients.admin',
    access: { table: 'read' },
    summary: 'Các hệ thống cơ quan đã đăng ký, không kèm bí mật / registered agency systems, without secrets',
    tags: ['admin'],
  },
  {
    id: 'revokeAgencyClient',
    method: 'DELETE',
    path: '/v1/admin/agency-clients/{clientId}',
    entry: 'functions/admin/revoke-agency-client.ts',
    auth: 'user',
    action: 'agencyClients.admin',
    access: { table: 'readWrite', cognito: 'agencyClients', audit: true },
    summary: 'Thu hồi hệ thống của cơ quan / revoke an agency system: it gets no more tokens',
    tags: ['admin'],
  },
  {
    id: 'getDossierForm',
    method: 'GET',
    path: '/v1/dossiers/{code}/forms/{form}',
    entry: 'functions/dossiers/form.ts',
    auth: 'user',
    action: 'dossier.receipt',
    access: { table: 'read', publicBaseUrl: true, personalData: true, audit: true },
    summary:
      'Biểu mẫu in (PDF A4) mẫu 01–06 và biên bản bàn giao kết quả, có mã QR tra cứu; người nộp chỉ lấy được mẫu 01 / printable form as PDF with a tracking QR code; the applicant may fetch form 01 only',
    tags: ['dossiers'],
  },
  {
    id: 'trackingForm',
    method: 'GET',
    path: '/v1/public/{tenant}/dossiers',
    entry: 'functions/pages/tracking-form.ts',
    auth: 'public',
    action: 'public',
    access: { table: 'read' },
    summary:
      'Trang nhập mã hồ sơ để tra cứu; có ?code= thì chuyển đến trang tiến độ / the tracking form page; with ?code= it redirects to the dossier',
    tags: ['tracking'],
    page: 'only',
  },
  {
    id: 'getApiReference',
    method: 'GET',
    path: '/v1/docs',
    entry: 'functions/pages/api-reference.ts',
    auth: 'public',
    action: 'public',
    access: {},
    summary: 'Tài liệu API dạng trang HTML, dựng từ tài liệu OpenAPI / the API reference as an HTML page',
    tags: ['platform'],
    page: 'only',
  },
  {
    id: 'importCatalog',
    method: 'POST',
    path: '/v1/admin/catalog/imports',
    entry: 'functions/catalog/import-catalog.ts',
    auth: 'user',
    action: 'catalog.admin',
    access: { table: 'readWrite' },
    summary:
      'Nhập cây cơ quan hoặc danh mục thủ tục từ các dòng của tệp XLSX/CSV, báo từng dòng bị từ chối / import agencies or procedures from file lines, with a line-by-line report',
    tags: ['admin'],
  },
  {
    id: 'createTenant',
    method: 'POST',
    path: '/v1/operator/tenants',
    entry: 'functions/operator/create-tenant.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'readWrite', cognito: 'users' },
    summary:
      'Tạo tỉnh thuê dịch vụ và tài khoản quản trị đầu tiên / create a tenant (province) and its first tenant admin',
    tags: ['operator'],
    idempotent: true,
  },
  {
    id: 'listTenants',
    method: 'GET',
    path: '/v1/operator/tenants',
    entry: 'functions/operator/list-tenants.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'read' },
    summary: 'Các tỉnh thuê dịch vụ và trạng thái / tenants with their status',
    tags: ['operator'],
  },
  {
    id: 'getTenantRecord',
    method: 'GET',
    path: '/v1/operator/tenants/{tenant}',
    entry: 'functions/operator/get-tenant.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'read' },
    summary: 'Một tỉnh thuê dịch vụ / one tenant',
    tags: ['operator'],
  },
  {
    id: 'suspendTenant',
    method: 'POST',
    path: '/v1/operator/tenants/{tenant}/suspend',
    entry: 'functions/operator/suspend-tenant.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'readWrite' },
    summary:
      'Tạm ngừng: mọi đường dẫn của tỉnh trả 403, dữ liệu giữ nguyên / suspend: the tenant’s routes answer 403, data kept',
    tags: ['operator'],
  },
  {
    id: 'resumeTenant',
    method: 'POST',
    path: '/v1/operator/tenants/{tenant}/resume',
    entry: 'functions/operator/resume-tenant.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'readWrite' },
    summary:
      'Phục vụ lại tỉnh đã tạm ngừng, hoặc khôi phục tỉnh đang chờ xoá / resume a suspended tenant, or restore one being deleted',
    tags: ['operator'],
  },
  {
    id: 'createStaff',
    method: 'POST',
    path: '/v1/admin/staff',
    entry: 'functions/admin/create-staff.ts',
    auth: 'user',
    action: 'staff.admin',
    access: { table: 'readWrite', cognito: 'users', audit: true },
    summary:
      'Tạo tài khoản cán bộ của tỉnh (cơ quan, vai trò); mật khẩu tạm gửi e-mail / create a staff account; the temporary password is e-mailed',
    tags: ['admin'],
    idempotent: true,
  },
  {
    id: 'listStaff',
    method: 'GET',
    path: '/v1/admin/staff',
    entry: 'functions/admin/list-staff.ts',
    auth: 'user',
    action: 'staff.admin',
    access: { table: 'read' },
    summary: 'Cán bộ của tỉnh / the tenant’s staff accounts',
    tags: ['admin'],
  },
  {
    id: 'getStaff',
    method: 'GET',
    path: '/v1/admin/staff/{username}',
    entry: 'functions/admin/get-staff.ts',
    auth: 'user',
    action: 'staff.admin',
    access: { table: 'read' },
    summary: 'Một tài khoản cán bộ / one staff account',
    tags: ['admin'],
  },
  {
    id: 'updateStaff',
    method: 'PATCH',
    path: '/v1/admin/staff/{username}',
    entry: 'functions/admin/update-staff.ts',
    auth: 'user',
    action: 'staff.admin',
    access: { table: 'readWrite', cognito: 'users', audit: true },
    summary:
      'Đổi cơ quan, vai trò, tên; khoá hoặc mở tài khoản / change agency, roles, name; disable or enable',
    tags: ['admin'],
  },
  {
    id: 'notFound',
    method: 'GET',
    path: '$default',
    entry: 'functions/platform/not-found.ts',
    auth: 'public',
    action: 'public',
    access: {},
    summary: 'Mọi đường dẫn không có: 404 problem+json / any unknown route',
    tags: ['platform'],
  },
  {
    id: 'getReport',
    method: 'GET',
    path: '/v1/reports',
    entry: 'functions/reports/get.ts',
    auth: 'user',
    action: 'reports.read',
    access: { table: 'read' },
    summary:
      'Báo cáo kết quả giải quyết hồ sơ theo cơ quan, lĩnh vực, thủ tục và kỳ (từ bộ đếm) / report figures per agency, field, procedure and period (from counters)',
    tags: ['reports'],
  },
  {
    id: 'getUsage',
    method: 'GET',
    path: '/v1/admin/usage',
    entry: 'functions/usage/get.ts',
    auth: 'user',
    action: 'usage.read',
    access: { table: 'read' },
    summary:
      'Mức sử dụng của đơn vị mình trong một tháng (hồ sơ, thao tác, lưu trữ, webhook, API) / own tenant’s usage in a month',
    tags: ['admin'],
  },
  {
    id: 'getTenantUsage',
    method: 'GET',
    path: '/v1/operator/tenants/{tenant}/usage',
    entry: 'functions/operator/get-tenant-usage.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'read' },
    summary: 'Mức sử dụng của một tỉnh trong một tháng / one tenant’s usage in a month',
    tags: ['operator'],
  },
  {
    id: 'getServiceIndex',
    method: 'GET',
    path: '/v1/reports/service-index',
    entry: 'functions/reports/service-index.ts',
    auth: 'user',
    action: 'serviceIndex.read',
    access: { table: 'read' },
    summary:
      'Chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/2022/QĐ-TTg (6 nhóm, 100 điểm) / the service index of Decision 766/2022 for a period',
    tags: ['reports'],
  },
  {
    id: 'putServiceIndexInputs',
    method: 'PUT',
    path: '/v1/reports/service-index/inputs',
    entry: 'functions/reports/put-service-index-inputs.ts',
    auth: 'user',
    action: 'serviceIndex.write',
    access: { table: 'readWrite' },
    summary:
      'Nhập số liệu chỉ số phục vụ mà hệ thống không có (thanh toán trực tuyến, công khai TTHC…), kèm nguồn / enter the index inputs the system does not hold, with their source',
    tags: ['reports'],
  },
  {
    id: 'exportReport',
    method: 'GET',
    path: '/v1/reports/export',
    entry: 'functions/reports/export.ts',
    auth: 'user',
    action: 'reports.export',
    access: { table: 'read', audit: true },
    summary:
      'Xuất báo cáo tình hình, kết quả giải quyết TTHC ra Excel (mỗi cấp một trang, có tổng cộng, trang tổng hợp theo cơ quan từng tháng) / the report as an XLSX workbook',
    tags: ['reports'],
  },
  {
    id: 'getAgencyMonthSummary',
    method: 'GET',
    path: '/v1/reports/agencies',
    entry: 'functions/reports/agency-months.ts',
    auth: 'user',
    action: 'reports.read',
    access: { table: 'read' },
    summary:
      'Tổng hợp một tháng theo cơ quan: tiếp nhận, tỷ lệ đúng hạn, quá hạn, xin lỗi, hài lòng / a month per agency',
    tags: ['reports'],
  },
  {
    id: 'deleteTenant',
    method: 'DELETE',
    path: '/v1/operator/tenants/{tenant}',
    entry: 'functions/operator/delete-tenant.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'readWrite' },
    summary:
      'Xoá tỉnh đã tạm ngừng: dữ liệu xoá hẳn sau thời gian chờ (mặc định 30 ngày), khôi phục được trước đó / delete a suspended tenant: purged after a grace period (30 days by default), restorable until then',
    tags: ['operator'],
  },
  {
    id: 'addTenantAdmin',
    method: 'POST',
    path: '/v1/operator/tenants/{tenant}/admins',
    entry: 'functions/operator/add-tenant-admin.ts',
    auth: 'user',
    action: 'tenants.operate',
    access: { table: 'readWrite', cognito: 'users', audit: true },
    summary: 'Thêm quản trị cho một tỉnh đã có / add a tenant admin to an existing tenant',
    tags: ['operator'],
    idempotent: true,
  },
  {
    id: 'deleteStaff',
    method: 'DELETE',
    path: '/v1/admin/staff/{username}',
    entry: 'functions/admin/delete-staff.ts',
    auth: 'user',
    action: 'staff.admin',
    access: { table: 'readWrite', cognito: 'users', audit: true },
    summary:
      'Xoá tài khoản cán bộ (khoá rồi xoá); không tự xoá mình, không xoá quản trị cuối cùng / delete a staff account (disabled, then deleted); not yourself, not the last tenant admin',
    tags: ['admin'],
  },
  {
    id: 'getAuditLog',
    method: 'GET',
    path: '/v1/audit',
    entry: 'functions/audit/list.ts',
    auth: 'user',
    action: 'audit.read',
    access: { table: 'read' },
    summary:
      'Nhật ký truy cập: ai xem dữ liệu cá nhân, đổi vai trò, xuất dữ liệu; mới nhất trước / the audit log, newest first',
    tags: ['audit'],
  },
  {
    id: 'exportAuditLog',
    method: 'GET',
    path: '/v1/audit/export',
    entry: 'functions/audit/export.ts',
    auth: 'user',
    action: 'audit.export',
    access: { table: 'read', audit: true },
    summary:
      'Xuất nhật ký truy cập ra CSV (UTF-8 có BOM, mở bằng Excel); việc xuất cũng được ghi / the audit log as CSV; the export is recorded too',
    tags: ['audit'],
  },
  // Issue 11 §7: an applicant without an account, with the receipt secret printed on form 01 (the
  // X-Receipt-Secret header; a wrong or missing one answers the 404 of an unknown code).
  {
    id: 'getDossierByReceipt',
    method: 'GET',
    path: '/v1/public/{tenant}/dossiers/{code}/status',
    entry: 'functions/dossiers/receipt-status.ts',
    auth: 'public',
    action: 'receipt.read',
    access: { table: 'read', personalData: true },
    summary:
      'Tình trạng đầy đủ của hồ sơ cho người giữ giấy tiếp nhận (mã bí mật trong header X-Receipt-Secret) / the full status for whoever holds the receipt (its secret in the X-Receipt-Secret header)',
    tags: ['tracking'],
  },
  {
    id: 'actOnDossierByReceipt',
    method: 'POST',
    path: '/v1/public/{tenant}/dossiers/{code}/actions',
    entry: 'functions/dossiers/receipt-act.ts',
    auth: 'public',
    action: 'receipt.act',
    access: { table: 'readWrite', personalData: true },
    summary:
      'Người giữ giấy tiếp nhận nộp bổ sung (resubmit) hoặc rút hồ sơ (withdraw), mã bí mật trong header X-Receipt-Secret / the receipt holder supplements or withdraws',
    tags: ['tracking'],
  },
  // The receipt holder's scans for a supplement: the signed-in attachment routes' upload, limits
  // and confirm (shared/usecases/attachments-upload.ts), the dossier proven by X-Receipt-Secret.
  {
    id: 'createAttachmentByReceipt',
    method: 'POST',
    path: '/v1/public/{tenant}/dossiers/{code}/attachments',
    entry: 'functions/attachments/receipt-create.ts',
    auth: 'public',
    action: 'receipt.act',
    // Signs upload URLs for the staging area only, as createAttachment; the key's record too.
    access: { table: 'readWrite', bucket: { staging: ['write'] }, personalData: true },
    idempotent: true,
    summary:
      'Người giữ giấy tiếp nhận xin URL tải lên bản quét để nộp bổ sung (mã bí mật trong header X-Receipt-Secret) / the receipt holder gets a presigned upload URL for a scan',
    tags: ['tracking'],
  },
  {
    id: 'confirmAttachmentByReceipt',
    method: 'POST',
    path: '/v1/public/{tenant}/dossiers/{code}/attachments/{id}/confirm',
    entry: 'functions/attachments/receipt-confirm.ts',
    auth: 'public',
    action: 'receipt.act',
    // As confirmAttachment: reads and removes the staged upload, writes the checked bytes.
    access: {
      table: 'readWrite',
      bucket: { staging: ['read', 'delete'], stored: ['write'] },
      personalData: true,
    },
    summary:
      'Người giữ giấy tiếp nhận xác nhận tệp đã tải lên: kiểm tra kích thước, loại, SHA-256 / the receipt holder verifies what landed',
    tags: ['tracking'],
  },
  {
    id: 'listAttachmentsByReceipt',
    method: 'GET',
    path: '/v1/public/{tenant}/dossiers/{code}/attachments',
    entry: 'functions/attachments/receipt-list.ts',
    auth: 'public',
    action: 'receipt.read',
    access: { table: 'read', personalData: true },
    summary:
      'Bản quét người giữ giấy tiếp nhận đã tải lên (mã bí mật trong header X-Receipt-Secret) / the scans the receipt holder uploaded',
    tags: ['tracking'],
  },
] as const satisfies readonly RouteMeta[];

export type RouteId = (typeof ROUTE_META)[number]['id'];
export type RouteMetaOf<Id extends RouteId> = Extract<(typeof ROUTE_META)[number], { id: Id }>;

export function routeMetaById<Id extends RouteId>(id: Id): RouteMetaOf<Id> {
  const route = ROUTE_META.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route as RouteMetaOf<Id>;
}

/** `GET /v1/x` — the API Gateway route key of a route (the catch-all keeps `$default`). */
export const routeKey = (r: Pick<RouteMeta, 'method' | 'path'>): string =>
  r.path === '$default' ? '$default' : `${r.method} ${r.path}`;

/**
 * The roles that may call a route, from the authorization policy: what the OpenAPI document lists
 * and the handler checks first. Undefined for public routes (no token).
 */
export const routeRoles = (r: Pick<RouteMeta, 'auth' | 'action'>): readonly Role[] | undefined =>
  r.auth === 'public' ? undefined : rolesFor(r.action);

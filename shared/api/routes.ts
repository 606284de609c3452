/**
 * The one route table. The CDK API stack creates an HTTP API route and a Lambda function from each
 * entry; the offline gateway (infra/local) matches requests against the same entries and calls the
 * same handler modules; the OpenAPI document is generated from the same entries and their schemas.
 */
import type { z } from 'zod';
import type { BucketArea } from '../data/attachment-keys';
import type { Role } from '../platform/claims';
import { rolesFor, type Action } from '../domain/policy';
import * as catalog from './schemas/catalog';
import * as common from './schemas/common';
import * as dossier from './schemas/dossier';
import * as attachment from './schemas/attachment';
import * as actions from './schemas/actions';
import * as webhooks from './schemas/webhooks';
import * as deliveries from './schemas/webhook-deliveries';
import * as notices from './schemas/webhook-notices';
import * as agencyClient from './schemas/agency-client';
import * as forms from './schemas/forms';
import * as pages from './schemas/pages';
import * as catalogImport from './schemas/catalog-import';
import * as reports from './schemas/reports';
import * as serviceIndex from './schemas/service-index';
import * as tenants from './schemas/tenants';
import * as usage from './schemas/usage';
import * as audit from './schemas/audit';
import * as receipt from './schemas/receipt-secret';

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
}

export interface RouteDef {
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
  request?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  /** `mediaType` when the body is not JSON (problem+json from 400 up, JSON below, by default). */
  responses: Record<number, { description: string; schema?: z.ZodType; mediaType?: string }>;
  /**
   * A public HTML page for browsers (shared/pages, shared/platform/page-handler.ts). `negotiated`:
   * the same URL answers JSON, and HTML to a client that prefers `text/html` (a browser, a phone
   * that scanned a form's QR code). `only`: the route is a page. Either way its 200, 400 and 404
   * are documented as text/html too, and 304 (ETag).
   */
  page?: 'negotiated' | 'only';
}

const problemResponses = {
  400: { description: 'Dữ liệu không hợp lệ / invalid input', schema: common.problem },
  401: { description: 'Chưa đăng nhập / unauthenticated', schema: common.problem },
  403: { description: 'Không có quyền / forbidden', schema: common.problem },
  404: { description: 'Không tìm thấy / not found', schema: common.problem },
} as const;

export const ROUTES = [
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
    responses: { 200: { description: 'OpenAPI 3.1' } },
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
    request: { params: catalog.tenantPath, query: catalog.procedureQuery.extend(pages.langField) },
    responses: {
      200: { description: 'Danh sách thủ tục', schema: catalog.procedureList },
      ...problemResponses,
    },
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
    request: { params: catalog.procedurePath, query: pages.langQuery },
    responses: { 200: { description: 'Thủ tục', schema: catalog.procedure }, ...problemResponses },
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
    request: { params: catalog.tenantPath, query: catalog.agencyListQuery },
    responses: { 200: { description: 'Cơ quan', schema: catalog.agencyList }, ...problemResponses },
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
    request: { params: catalog.codePath, body: catalog.procedureInput },
    responses: {
      200: { description: 'Thủ tục đã lưu', schema: catalog.procedure },
      422: { description: 'Thủ tục nêu cơ quan không có / names an unknown agency', schema: common.problem },
      409: {
        description: 'Thủ tục vừa được người khác sửa / changed by someone else meanwhile: retry',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: catalog.agencyPath, body: catalog.agencyInput },
    responses: {
      200: { description: 'Cơ quan đã lưu', schema: catalog.agency },
      422: {
        description: 'Cơ quan cấp trên không có hoặc tạo vòng / unknown parent or a cycle in the tree',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    responses: { 200: { description: 'Cấu hình', schema: catalog.tenantView }, ...problemResponses },
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
    request: { body: catalog.tenantSettings },
    responses: {
      200: { description: 'Cấu hình đã lưu', schema: catalog.tenantView },
      422: {
        description: 'Không dựng được lịch làm việc / no working calendar can be built from it',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { body: dossier.submitDossier },
    responses: {
      201: { description: 'Hồ sơ đã tạo / dossier created', schema: receipt.submittedDossierView },
      409: {
        description: 'Yêu cầu trùng đang xử lý / same Idempotency-Key in progress',
        schema: common.problem,
      },
      422: {
        description:
          'Thủ tục không có, không nhận trực tuyến, sai nơi tiếp nhận hoặc cơ quan giải quyết / unknown procedure, not offered online, wrong reception point or competent agency',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: dossier.dossierCodeParams, body: dossier.receptionDecisionRequest },
    responses: {
      200: { description: 'Hồ sơ sau quyết định', schema: dossier.dossierView },
      409: { description: 'Trạng thái không cho phép / wrong state', schema: common.problem },
      422: { description: 'Quyết định trái quy tắc / the decision breaks a rule', schema: common.problem },
      ...problemResponses,
    },
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
    request: { params: dossier.dossierCodeParams },
    responses: { 200: { description: 'Hồ sơ', schema: dossier.dossierView }, ...problemResponses },
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
    request: { params: catalog.tenantPath.extend({ code: common.dossierCode }), query: pages.langQuery },
    responses: { 200: { description: 'Tiến độ', schema: dossier.trackingView }, ...problemResponses },
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
    request: { params: dossier.dossierCodeParams, body: actions.dossierAction },
    responses: {
      200: { description: 'Hồ sơ sau thao tác', schema: dossier.dossierView },
      409: {
        description:
          'Phiên bản cũ hoặc thao tác không hợp lệ lúc này / stale version or action not allowed now',
        schema: common.problem,
      },
      422: {
        description:
          'Thao tác trái quy tắc: cơ quan không có, bước không trước, hẹn mới không sau hoặc ngoài giờ / the action breaks a rule',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: dossier.dossierCodeParams },
    responses: { 200: { description: 'Phiếu kiểm soát', schema: actions.controlSheet }, ...problemResponses },
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
    request: { query: actions.workQueueQuery },
    responses: { 200: { description: 'Hàng đợi', schema: actions.workQueue }, ...problemResponses },
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
    request: { params: dossier.dossierCodeParams, body: attachment.createAttachment },
    responses: {
      201: { description: 'Vé tải lên', schema: attachment.uploadTicket },
      409: { description: 'Hồ sơ đã kết thúc / the dossier is closed', schema: common.problem },
      422: {
        description: 'Quá nhiều tệp chờ xác nhận / too many unconfirmed uploads (pending-upload-limit)',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: attachment.attachmentParams },
    responses: {
      200: { description: 'Tệp đã lưu', schema: attachment.attachmentView },
      409: {
        description: 'Chưa nhận được tệp / nothing uploaded yet: upload, then confirm',
        schema: common.problem,
      },
      422: {
        description: 'Tệp vi phạm quy định, đã xoá / file broke the rules and was deleted',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: dossier.dossierCodeParams, query: attachment.attachmentListQuery },
    responses: { 200: { description: 'Bản quét', schema: attachment.attachmentList }, ...problemResponses },
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
    request: { params: attachment.attachmentParams },
    responses: { 200: { description: 'URL', schema: attachment.downloadLink }, ...problemResponses },
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
    request: { body: webhooks.createSubscription },
    responses: {
      201: {
        description: 'Đã đăng ký, kèm khóa ký / subscribed, with the secret',
        schema: webhooks.subscriptionWithSecret,
      },
      409: {
        description: 'Yêu cầu trùng đang xử lý / same Idempotency-Key in progress',
        schema: common.problem,
      },
      422: {
        description:
          'URL bị chặn (SSRF: quy tắc nêu trong lỗi), cơ quan không có / target refused by the SSRF guard (the rule is named), unknown agency',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { query: webhooks.subscriptionListQuery },
    responses: {
      200: { description: 'Đăng ký webhook', schema: webhooks.subscriptionList },
      ...problemResponses,
    },
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
    request: { params: webhooks.subscriptionParams },
    responses: {
      200: { description: 'Đăng ký webhook', schema: webhooks.subscriptionView },
      ...problemResponses,
    },
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
    request: { params: webhooks.subscriptionParams, body: webhooks.updateSubscription },
    responses: {
      200: { description: 'Đăng ký sau khi sửa', schema: webhooks.subscriptionView },
      409: { description: 'Phiên bản cũ / stale expectedVersion', schema: common.problem },
      422: { description: 'URL bị chặn (SSRF) / target refused by the SSRF guard', schema: common.problem },
      ...problemResponses,
    },
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
    request: { params: webhooks.subscriptionParams },
    responses: { 204: { description: 'Đã xóa / deleted' }, ...problemResponses },
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
    request: { params: webhooks.subscriptionParams, body: webhooks.rotateSecret },
    responses: {
      200: { description: 'Khóa ký mới / the new secret', schema: webhooks.subscriptionWithSecret },
      409: { description: 'Phiên bản cũ / stale expectedVersion', schema: common.problem },
      ...problemResponses,
    },
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
    request: { params: webhooks.subscriptionParams, query: deliveries.deliveryListQuery },
    responses: {
      200: { description: 'Các lần gửi / deliveries', schema: deliveries.deliveryList },
      ...problemResponses,
    },
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
    request: { params: deliveries.deliveryParams },
    responses: {
      202: { description: 'Đã xếp hàng gửi lại / queued again', schema: deliveries.redeliveryAccepted },
      ...problemResponses,
    },
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
    request: { params: webhooks.subscriptionParams, body: deliveries.redeliverSince },
    responses: {
      202: {
        description: 'Số lần gửi được xếp lại / how many were queued again',
        schema: deliveries.redeliveriesAccepted,
      },
      ...problemResponses,
    },
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
    request: { query: notices.noticeListQuery },
    responses: {
      200: { description: 'Các thông báo / notices', schema: notices.noticeList },
      ...problemResponses,
    },
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
    request: { body: agencyClient.createAgencyClient },
    responses: {
      201: {
        description: 'Ứng dụng đã tạo / client registered',
        schema: agencyClient.registeredAgencyClient,
      },
      409: {
        description: 'Yêu cầu trùng đang xử lý / same Idempotency-Key in progress',
        schema: common.problem,
      },
      422: { description: 'Cơ quan không có / unknown agency', schema: common.problem },
      ...problemResponses,
    },
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
    request: { query: agencyClient.agencyClientListQuery },
    responses: {
      200: { description: 'Danh sách', schema: agencyClient.agencyClientList },
      ...problemResponses,
    },
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
    request: { params: agencyClient.clientIdParams },
    responses: { 204: { description: 'Đã thu hồi / revoked' }, ...problemResponses },
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
    request: { params: forms.formParams },
    responses: {
      200: {
        description: 'Biểu mẫu PDF / the form',
        schema: forms.pdfDocument,
        mediaType: forms.PDF_MEDIA_TYPE,
      },
      409: {
        description:
          'Mẫu chưa áp dụng cho hồ sơ ở trạng thái này / the form does not apply to the dossier yet',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: catalog.tenantPath, query: pages.trackingFormQuery },
    responses: {
      200: {
        description: 'Trang tra cứu / the form',
        schema: pages.htmlPage,
        mediaType: pages.HTML_MEDIA_TYPE,
      },
      303: { description: 'Đến trang tiến độ của hồ sơ / see the dossier’s tracking page (Location)' },
      ...problemResponses,
    },
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
    request: { query: pages.langQuery },
    responses: {
      200: {
        description: 'Tài liệu API / the reference',
        schema: pages.htmlPage,
        mediaType: pages.HTML_MEDIA_TYPE,
      },
      400: problemResponses[400],
    },
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
    request: { body: catalogImport.catalogImportRequest },
    responses: {
      200: {
        description: 'Kết quả từng dòng / outcome of each line',
        schema: catalogImport.catalogImportResult,
      },
      422: {
        description: 'Ngày hiệu lực đã qua / the effective date is past',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { body: tenants.createTenant },
    responses: {
      201: {
        description: 'Đã tạo, kèm mật khẩu tạm của quản trị / created, with the admin’s temporary password',
        schema: tenants.createdTenant,
      },
      409: {
        description: 'Đơn vị hoặc tên đăng nhập đã có / the tenant or the username exists',
        schema: common.problem,
      },
      422: { description: 'Mã đơn vị dành riêng / reserved tenant id', schema: common.problem },
      ...problemResponses,
    },
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
    request: { query: tenants.tenantListQuery },
    responses: { 200: { description: 'Danh sách', schema: tenants.tenantList }, ...problemResponses },
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
    request: { params: tenants.tenantParams },
    responses: { 200: { description: 'Đơn vị', schema: tenants.tenantRecordView }, ...problemResponses },
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
    request: { params: tenants.tenantParams },
    responses: {
      200: { description: 'Đã tạm ngừng', schema: tenants.tenantRecordView },
      409: { description: 'Đã xoá hẳn / the tenant is purged', schema: common.problem },
      ...problemResponses,
    },
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
    request: { params: tenants.tenantParams },
    responses: {
      200: { description: 'Đang phục vụ', schema: tenants.tenantRecordView },
      409: {
        description:
          'Đã bắt đầu hoặc đã xoá hẳn, không khôi phục được / the purge has begun or is done: no restore',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { body: tenants.createStaff },
    responses: {
      201: { description: 'Đã tạo / created', schema: tenants.createdStaff },
      409: { description: 'Tên đăng nhập đã có / the username is taken', schema: common.problem },
      422: { description: 'Cơ quan không có / unknown agency', schema: common.problem },
      ...problemResponses,
    },
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
    request: { query: tenants.staffListQuery },
    responses: { 200: { description: 'Danh sách', schema: tenants.staffList }, ...problemResponses },
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
    request: { params: tenants.staffParams },
    responses: { 200: { description: 'Cán bộ', schema: tenants.staffView }, ...problemResponses },
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
    request: { params: tenants.staffParams, body: tenants.updateStaff },
    responses: {
      200: { description: 'Sau khi sửa', schema: tenants.staffView },
      422: {
        description: 'Cơ quan không có, tự khoá mình / unknown agency, or locking yourself out',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    responses: { 404: { description: 'Không có đường dẫn này / no such route', schema: common.problem } },
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
    request: { query: reports.reportQuery },
    responses: {
      200: { description: 'Báo cáo / the report', schema: reports.report },
      ...problemResponses,
    },
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
    request: { query: usage.usageQuery },
    responses: { 200: { description: 'Mức sử dụng / usage', schema: usage.usage }, ...problemResponses },
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
    request: { params: tenants.tenantParams, query: usage.usageQuery },
    responses: { 200: { description: 'Mức sử dụng / usage', schema: usage.usage }, ...problemResponses },
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
    request: { query: serviceIndex.serviceIndexQuery },
    responses: {
      200: {
        description: 'Chỉ số, từng nhóm và chỉ tiêu / the index by group and indicator',
        schema: serviceIndex.serviceIndexView,
      },
      ...problemResponses,
    },
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
    request: { body: serviceIndex.serviceIndexInputsBody },
    responses: {
      200: {
        description: 'Đã lưu, kèm người nhập / stored, with who entered it',
        schema: serviceIndex.serviceIndexInputsView,
      },
      ...problemResponses,
    },
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
    request: { query: serviceIndex.reportExportQuery },
    responses: {
      200: {
        description: 'Tệp XLSX / the workbook',
        schema: serviceIndex.xlsxDocument,
        mediaType: serviceIndex.XLSX_MEDIA_TYPE,
      },
      ...problemResponses,
    },
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
    request: { query: serviceIndex.agencyMonthQuery },
    responses: {
      200: { description: 'Từng cơ quan / per agency', schema: serviceIndex.agencyMonthView },
      ...problemResponses,
    },
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
    request: { params: tenants.tenantParams, query: tenants.deleteTenantQuery },
    responses: {
      200: { description: 'Đang chờ xoá / deleting', schema: tenants.tenantRecordView },
      409: {
        description: 'Chưa tạm ngừng, hoặc đã đang xoá / not suspended, or already being deleted',
        schema: common.problem,
      },
      422: {
        description: 'Thời gian chờ ngoài giới hạn / grace period out of range',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: tenants.tenantParams, body: tenants.addTenantAdmin },
    responses: {
      201: {
        description: 'Đã tạo, kèm mật khẩu tạm / created, with a temporary password',
        schema: tenants.createdStaff,
      },
      409: {
        description:
          'Tên đăng nhập đã có, hoặc tỉnh đang bị xoá / username taken, or the tenant is being deleted',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: tenants.staffParams },
    responses: {
      204: { description: 'Đã xoá / deleted' },
      409: {
        description: 'Tự xoá mình, hoặc quản trị cuối cùng / yourself, or the last admin',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { query: audit.auditQuery },
    responses: { 200: { description: 'Bản ghi / records', schema: audit.auditList }, ...problemResponses },
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
    request: { query: audit.auditExportQuery },
    responses: {
      200: {
        description: 'Tệp CSV / the CSV file',
        schema: audit.csvDocument,
        mediaType: audit.CSV_MEDIA_TYPE,
      },
      422: {
        description: 'Quá nhiều dòng: thu hẹp khoảng ngày / too many records: narrow the period',
        schema: common.problem,
      },
      ...problemResponses,
    },
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
    request: { params: receipt.receiptParams },
    responses: {
      200: { description: 'Tình trạng đầy đủ / the full status', schema: receipt.receiptView },
      ...problemResponses,
    },
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
    request: { params: receipt.receiptParams, body: receipt.receiptAction },
    responses: {
      200: { description: 'Hồ sơ sau thao tác / the dossier after the action', schema: receipt.receiptView },
      409: {
        description:
          'Phiên bản cũ hoặc thao tác không hợp lệ lúc này / stale version or action not allowed now',
        schema: common.problem,
      },
      ...problemResponses,
    },
  },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof ROUTES)[number]['id'];
export type RouteOf<Id extends RouteId> = Extract<(typeof ROUTES)[number], { id: Id }>;

export function routeById<Id extends RouteId>(id: Id): RouteOf<Id> {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route as RouteOf<Id>;
}

/** `GET /v1/x` — the API Gateway route key of a route (the catch-all keeps `$default`). */
export const routeKey = (r: RouteDef): string =>
  r.path === '$default' ? '$default' : `${r.method} ${r.path}`;

/**
 * The roles that may call a route, from the authorization policy: what the OpenAPI document lists
 * and the handler checks first. Undefined for public routes (no token).
 */
export const routeRoles = (r: Pick<RouteDef, 'auth' | 'action'>): readonly Role[] | undefined =>
  r.auth === 'public' ? undefined : rolesFor(r.action);

/**
 * Every route's contract by route id: for shared/api/routes.ts, which joins them with the route
 * metadata into the full table. Handlers never import this module (it builds every schema); each
 * imports its own contract module.
 */
import type { RouteId } from '../route-meta';
import type { RouteContract } from './contract';
import { getOpenApiContract } from './getOpenApi';
import { listProceduresContract } from './listProcedures';
import { getProcedureContract } from './getProcedure';
import { listAgenciesContract } from './listAgencies';
import { putProcedureContract } from './putProcedure';
import { putAgencyContract } from './putAgency';
import { getTenantSettingsContract } from './getTenantSettings';
import { putTenantSettingsContract } from './putTenantSettings';
import { submitDossierContract } from './submitDossier';
import { decideReceptionContract } from './decideReception';
import { getDossierContract } from './getDossier';
import { trackDossierContract } from './trackDossier';
import { actOnDossierContract } from './actOnDossier';
import { getControlSheetContract } from './getControlSheet';
import { getWorkQueueContract } from './getWorkQueue';
import { createAttachmentContract } from './createAttachment';
import { confirmAttachmentContract } from './confirmAttachment';
import { listAttachmentsContract } from './listAttachments';
import { downloadAttachmentContract } from './downloadAttachment';
import { createWebhookSubscriptionContract } from './createWebhookSubscription';
import { listWebhookSubscriptionsContract } from './listWebhookSubscriptions';
import { getWebhookSubscriptionContract } from './getWebhookSubscription';
import { updateWebhookSubscriptionContract } from './updateWebhookSubscription';
import { deleteWebhookSubscriptionContract } from './deleteWebhookSubscription';
import { rotateWebhookSecretContract } from './rotateWebhookSecret';
import { listWebhookDeliveriesContract } from './listWebhookDeliveries';
import { redeliverWebhookContract } from './redeliverWebhook';
import { redeliverWebhooksSinceContract } from './redeliverWebhooksSince';
import { listWebhookNoticesContract } from './listWebhookNotices';
import { createAgencyClientContract } from './createAgencyClient';
import { listAgencyClientsContract } from './listAgencyClients';
import { revokeAgencyClientContract } from './revokeAgencyClient';
import { getDossierFormContract } from './getDossierForm';
import { trackingFormContract } from './trackingForm';
import { getApiReferenceContract } from './getApiReference';
import { importCatalogContract } from './importCatalog';
import { createTenantContract } from './createTenant';
import { listTenantsContract } from './listTenants';
import { getTenantRecordContract } from './getTenantRecord';
import { suspendTenantContract } from './suspendTenant';
import { resumeTenantContract } from './resumeTenant';
import { createStaffContract } from './createStaff';
import { listStaffContract } from './listStaff';
import { getStaffContract } from './getStaff';
import { updateStaffContract } from './updateStaff';
import { notFoundContract } from './notFound';
import { getReportContract } from './getReport';
import { getUsageContract } from './getUsage';
import { getTenantUsageContract } from './getTenantUsage';
import { getServiceIndexContract } from './getServiceIndex';
import { putServiceIndexInputsContract } from './putServiceIndexInputs';
import { exportReportContract } from './exportReport';
import { getAgencyMonthSummaryContract } from './getAgencyMonthSummary';
import { deleteTenantContract } from './deleteTenant';
import { addTenantAdminContract } from './addTenantAdmin';
import { deleteStaffContract } from './deleteStaff';
import { getAuditLogContract } from './getAuditLog';
import { exportAuditLogContract } from './exportAuditLog';
import { getDossierByReceiptContract } from './getDossierByReceipt';
import { actOnDossierByReceiptContract } from './actOnDossierByReceipt';
import { createAttachmentByReceiptContract } from './createAttachmentByReceipt';
import { confirmAttachmentByReceiptContract } from './confirmAttachmentByReceipt';
import { listAttachmentsByReceiptContract } from './listAttachmentsByReceipt';

export const CONTRACTS = {
  getOpenApi: getOpenApiContract,
  listProcedures: listProceduresContract,
  getProcedure: getProcedureContract,
  listAgencies: listAgenciesContract,
  putProcedure: putProcedureContract,
  putAgency: putAgencyContract,
  getTenantSettings: getTenantSettingsContract,
  putTenantSettings: putTenantSettingsContract,
  submitDossier: submitDossierContract,
  decideReception: decideReceptionContract,
  getDossier: getDossierContract,
  trackDossier: trackDossierContract,
  actOnDossier: actOnDossierContract,
  getControlSheet: getControlSheetContract,
  getWorkQueue: getWorkQueueContract,
  createAttachment: createAttachmentContract,
  confirmAttachment: confirmAttachmentContract,
  listAttachments: listAttachmentsContract,
  downloadAttachment: downloadAttachmentContract,
  createWebhookSubscription: createWebhookSubscriptionContract,
  listWebhookSubscriptions: listWebhookSubscriptionsContract,
  getWebhookSubscription: getWebhookSubscriptionContract,
  updateWebhookSubscription: updateWebhookSubscriptionContract,
  deleteWebhookSubscription: deleteWebhookSubscriptionContract,
  rotateWebhookSecret: rotateWebhookSecretContract,
  listWebhookDeliveries: listWebhookDeliveriesContract,
  redeliverWebhook: redeliverWebhookContract,
  redeliverWebhooksSince: redeliverWebhooksSinceContract,
  listWebhookNotices: listWebhookNoticesContract,
  createAgencyClient: createAgencyClientContract,
  listAgencyClients: listAgencyClientsContract,
  revokeAgencyClient: revokeAgencyClientContract,
  getDossierForm: getDossierFormContract,
  trackingForm: trackingFormContract,
  getApiReference: getApiReferenceContract,
  importCatalog: importCatalogContract,
  createTenant: createTenantContract,
  listTenants: listTenantsContract,
  getTenantRecord: getTenantRecordContract,
  suspendTenant: suspendTenantContract,
  resumeTenant: resumeTenantContract,
  createStaff: createStaffContract,
  listStaff: listStaffContract,
  getStaff: getStaffContract,
  updateStaff: updateStaffContract,
  notFound: notFoundContract,
  getReport: getReportContract,
  getUsage: getUsageContract,
  getTenantUsage: getTenantUsageContract,
  getServiceIndex: getServiceIndexContract,
  putServiceIndexInputs: putServiceIndexInputsContract,
  exportReport: exportReportContract,
  getAgencyMonthSummary: getAgencyMonthSummaryContract,
  deleteTenant: deleteTenantContract,
  addTenantAdmin: addTenantAdminContract,
  deleteStaff: deleteStaffContract,
  getAuditLog: getAuditLogContract,
  exportAuditLog: exportAuditLogContract,
  getDossierByReceipt: getDossierByReceiptContract,
  actOnDossierByReceipt: actOnDossierByReceiptContract,
  createAttachmentByReceipt: createAttachmentByReceiptContract,
  confirmAttachmentByReceipt: confirmAttachmentByReceiptContract,
  listAttachmentsByReceipt: listAttachmentsByReceiptContract,
} as const satisfies Record<RouteId, RouteContract>;

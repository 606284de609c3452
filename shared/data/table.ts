/**
 * The single table and every entity in it (dynamodb-toolbox v2), each declared once in its own
 * module (main-table.ts, entities/*.ts, partition-keys.ts) and re-exported here. Our package is
 * `"sideEffects": false`, so esbuild bundles only the modules whose exports a route uses: importing
 * one entity from here does not build the others (issue 14).
 *
 * Keys (every one begins with the tenant, so no query can cross provinces):
 *   tenant profile   PK TENANT#<t>                      SK #PROFILE
 *   agency           PK TENANT#<t>                      SK AGENCY#<code>
 *   procedure        PK TENANT#<t>                      SK PROC#<code>  (all its effective-dated versions)
 *   staff member     PK TENANT#<t>                      SK STAFF#<username>
 *   dossier          PK TENANT#<t>#DOSSIER#<code>       SK #DOSSIER
 *   its history      PK TENANT#<t>#DOSSIER#<code>       SK EVENT#<iso instant>#<n>
 *   its attachments  PK TENANT#<t>#DOSSIER#<code>       SK ATT#<id>
 *   its outbox       PK TENANT#<t>#DOSSIER#<code>       SK OUTBOX#<iso instant>#<type>  (or #<alarm id>)
 *   deadline marks   PK TENANT#<t>#DOSSIER#<code>       SK MARK#<alarm id>
 *   work queue       GSI1PK TENANT#<t>#QUEUE#<agency>#<role>  GSI1SK [p#]<step due, UTC>#<code>  (p#: paused)
 *   daily sequence   PK TENANT#<t>#SEQ#<agency>#<yymmdd> SK #SEQ
 *   idempotency key  PK TENANT#<t>#IDEMPOTENCY           SK idem#<route>#<hash of caller and key>
 *   webhook sub.     PK TENANT#<t>#WEBHOOKS              SK SUB#<id>
 *   agency client    PK TENANT#<t>                      SK CLIENT#<client id>
 *   its lookup       PK CLIENT#<client id>              SK #CLIENT   (the one key not under a tenant:
 *                    see AgencyClientLookupEntity)
 *   its deliveries   PK TENANT#<t>#WEBHOOK#<sub id>      SK DLV#<delivery id>  (newest = last)
 *   webhook notices  PK TENANT#<t>#NOTICES              SK NOTICE#<UTC iso instant>#<id>  (newest = last)
 *   notifications    PK TENANT#<t>#DOSSIER#<code>       SK NOTIFY#<outbox id>#<channel>
 *   personal-data key PK TENANT#<t>                     SK KEY#v<n>  (wrapped by KMS: DataKeyEntity)
 *   tenant registry  PK PLATFORM#TENANTS                SK TENANT#<t>  (the operator's list: see
 *                    TenantRecordEntity; the second key not under a tenant)
 */
export { MainTable } from './main-table';
export {
  TENANT_REGISTRY_PK,
  deliveriesPk,
  dossierPk,
  noticesPk,
  primaryKey,
  queueKey,
  tenantPk,
  webhooksPk,
} from './partition-keys';
export { TenantEntity } from './entities/tenant';
export { AgencyEntity } from './entities/agency';
export { ProcedureEntity } from './entities/procedure';
export { StaffEntity } from './entities/staff';
export { DossierEntity } from './entities/dossier';
export { DossierEventEntity } from './entities/dossier-event';
export { AttachmentEntity } from './entities/attachment';
export { OutboxEntity } from './entities/outbox';
export { DeadlineMarkEntity } from './entities/deadline-mark';
export { SequenceEntity } from './entities/sequence';
export { IdempotencyKeyEntity } from './entities/idempotency-key';
export { WebhookSubscriptionEntity } from './entities/webhook-subscription';
export { AgencyClientEntity } from './entities/agency-client';
export { AgencyClientLookupEntity } from './entities/agency-client-lookup';
export { TenantRecordEntity } from './entities/tenant-record';
export { TenantHealthEntity } from './entities/tenant-health';
export { WebhookDeliveryEntity } from './entities/webhook-delivery';
export { WebhookNoticeEntity } from './entities/webhook-notice';
export { NotificationEntity } from './entities/notification';
export { DataKeyEntity } from './entities/data-key';
export { ReceiptSecretEntity } from './entities/receipt-secret';

/**
 * The single table and every entity in it, declared once (dynamodb-toolbox v2).
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
import { Table } from 'dynamodb-toolbox/table';
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { any } from 'dynamodb-toolbox/schema/any';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { TENANT_REGISTRY_PARTITION, tenantRegistryKey } from '../platform/tenant-gate';
import { SORT_KEY_PREFIX, TABLE_KEYS } from './keys';

/**
 * Nothing here touches the environment or AWS when the module loads: the name is read and the
 * client made when the first command is sent. So repositories can be imported and unit-tested
 * (with `EntitySpy`, which answers before either is needed) without TABLE_NAME or DynamoDB, and
 * the offline cloud can import the data layer before it has set the environment.
 * The price, against env.ts's "fail at cold start": a function deployed without TABLE_NAME now
 * fails on its first DynamoDB command — in practice still its first request.
 */
export const MainTable = new Table({
  name: () => requireEnv(ENV.tableName),
  partitionKey: { name: TABLE_KEYS.partitionKey, type: 'string' },
  sortKey: { name: TABLE_KEYS.sortKey, type: 'string' },
  indexes: {
    [TABLE_KEYS.gsi1.name]: {
      type: 'global',
      partitionKey: { name: TABLE_KEYS.gsi1.partitionKey, type: 'string' },
      sortKey: { name: TABLE_KEYS.gsi1.sortKey, type: 'string' },
    },
  },
});
// Asked on each send, and not kept: inside a tenant scope the client is the tenant's (its scoped
// credentials, shared/platform/tenant-credentials.ts), outside it the execution role's.
MainTable.getDocumentClient = () => getDocumentClient();

export const tenantPk = (tenant: string) => `TENANT#${tenant}`;
export const dossierPk = (tenant: string, code: string) => `TENANT#${tenant}#DOSSIER#${code}`;
/** An item's primary key as DynamoDB names it: where a page resumes (`ExclusiveStartKey`). */
export const primaryKey = (pk: string, sk: string) => ({
  [TABLE_KEYS.partitionKey]: pk,
  [TABLE_KEYS.sortKey]: sk,
});

export const TenantEntity = new Entity({
  name: 'Tenant',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    /** Validated by the zod `tenantSettings` schema on the way in and out. */
    settings: any(),
  }),
  computeKey: ({ tenant }) => ({ PK: tenantPk(tenant), SK: '#PROFILE' }),
});

export const AgencyEntity = new Entity({
  name: 'Agency',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    name: string(),
    parent: string().optional(),
    receptionPoint: boolean(),
    level: string().enum('province', 'commune'),
    address: string().optional(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: tenantPk(tenant), SK: `${SORT_KEY_PREFIX.agency}${code}` }),
});

export const ProcedureEntity = new Entity({
  name: 'Procedure',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    field: string(),
    /** Name folded for accent-insensitive search, computed on write. */
    searchText: string(),
    /** Before effective-dated versions: the whole procedure (zod `procedure`); read as one version. */
    definition: any().optional(),
    /** `{ effectiveFrom, definition }[]`, oldest first (shared/domain/catalog/versions.ts). */
    versions: any().optional(),
    /** Bumped by every write: a read-modify-write is conditional on the revision it read. */
    revision: number().optional(),
    /** When the item was last written (UTC ISO): an unchanged import row leaves it alone. */
    updatedAt: string().optional(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: tenantPk(tenant), SK: `${SORT_KEY_PREFIX.procedure}${code}` }),
});

/**
 * The tenant's staff index: Cognito holds the credentials, this item lists the tenant's people
 * (Cognito's ListUsers cannot filter on a custom attribute such as custom:tenant, so a per-tenant
 * listing from the pool would scan every province's users). Written by the staff use case after
 * every change it makes in Cognito.
 */
export const StaffEntity = new Entity({
  name: 'Staff',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    username: string().key(),
    agency: string(),
    roles: any(),
    name: string().optional(),
    email: string().optional(),
    /** Absent on items written before accounts could be disabled: enabled. */
    enabled: boolean().optional(),
    createdAt: string().optional(),
  }),
  computeKey: ({ tenant, username }) => ({ PK: tenantPk(tenant), SK: `${SORT_KEY_PREFIX.staff}${username}` }),
});

export const DossierEntity = new Entity({
  name: 'Dossier',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    status: string(),
    receivingAgency: string(),
    competentAgency: string(),
    /** Optimistic locking: every state change is conditional on the version it read. */
    version: number(),
    /** Work-queue index: `TENANT#<t>#QUEUE#<agency>#<role>` of the current step; absent once finished. */
    queueKey: string().optional().savedAs(TABLE_KEYS.gsi1.partitionKey),
    /** `<step due instant, UTC ISO>#<code>`: the queue sorts by due time. */
    queueOrder: string().optional().savedAs(TABLE_KEYS.gsi1.sortKey),
    /**
     * When the dossier was last saved (UTC ISO, the shared clock): what `updatedSince` filters a
     * queue by. Absent on items last saved before it existed; those match no `updatedSince`.
     */
    updatedAt: string().optional(),
    /**
     * The keyed hash of the applicant's ID number (shared/domain/personal-data/seal.ts): what a
     * search by ID number matches, the clear number being sealed in the body.
     */
    idHash: string().optional(),
    /** The rest of the domain `Dossier`, stored as a document (the applicant's personal fields sealed). */
    body: any(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: dossierPk(tenant, code), SK: '#DOSSIER' }),
});

export const DossierEventEntity = new Entity({
  name: 'DossierEvent',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    /** `<iso instant>#<n>`: sorts the history by time, n breaks ties within one transaction. */
    seq: string().key(),
    event: any(),
  }),
  computeKey: ({ tenant, code, seq }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.dossierEvent}${seq}`,
  }),
});

export const AttachmentEntity = new Entity({
  name: 'Attachment',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    id: string().key(),
    /** Where the bytes are: the staging key while pending, the stored key once confirmed. */
    objectKey: string(),
    /** The stored object's version, where the bucket is versioned: downloads are pinned to it. */
    versionId: string().optional(),
    status: string().enum('pending', 'stored'),
    attachment: any(),
    /** Who started the upload (attachment-repo.ts `Uploader`); absent on older records. */
    uploadedBy: any().optional(),
    /** Pending uploads only (TTL, epoch seconds); a confirmed scan is kept. */
    expiresAt: number().optional(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.attachment}${id}`,
  }),
});

/**
 * Outbox events: written in the same transaction as the change they announce; DynamoDB Streams
 * carry them to webhooks, reports and notifications. Expire after a week: the stream has long
 * delivered them by then.
 */
export const OutboxEntity = new Entity({
  name: 'Outbox',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    id: string().key(),
    type: string(),
    occurredAt: string(),
    payload: any(),
    expiresAt: number(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.outbox}${id}`,
  }),
});

/** A deadline alarm that fired (due soon, overdue): kept for good, unlike the outbox event. */
export const DeadlineMarkEntity = new Entity({
  name: 'DeadlineMark',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    id: string().key(),
    type: string(),
    firedAt: string(),
    dueAt: string(),
    stepIndex: number().optional(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.deadlineMark}${id}`,
  }),
});

export const queueKey = (tenant: string, agency: string, role: string) =>
  `TENANT#${tenant}#QUEUE#${agency}#${role}`;

export const SequenceEntity = new Entity({
  name: 'Sequence',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    agency: string().key(),
    day: string().key(),
    value: number(),
  }),
  computeKey: ({ tenant, agency, day }) => ({ PK: `TENANT#${tenant}#SEQ#${agency}#${day}`, SK: '#SEQ' }),
});

/**
 * An Idempotency-Key taken: written in the same transaction as the change it made, so a key is
 * taken exactly when its change is committed (see shared/usecases/once-per-key.ts).
 */
export const IdempotencyKeyEntity = new Entity({
  name: 'IdempotencyKey',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    route: string().key(),
    keyHash: string().key(),
    bodyHash: string(),
    /** The use case's result as JSON text: every retry gets exactly the first answer. */
    result: string(),
    /** Epoch seconds (the table's TTL attribute). */
    expiresAt: number(),
  }),
  computeKey: ({ tenant, route, keyHash }) => ({
    PK: `TENANT#${tenant}#IDEMPOTENCY`,
    SK: `${SORT_KEY_PREFIX.idempotencyKey}${route}#${keyHash}`,
  }),
});

export const webhooksPk = (tenant: string) => `TENANT#${tenant}#WEBHOOKS`;

/**
 * A webhook subscription of one agency of the tenant, with its signing secrets. All of a tenant's
 * subscriptions share one partition: the fan-out reads them in one query per event, and a
 * province has tens of them, not thousands.
 */
export const WebhookSubscriptionEntity = new Entity({
  name: 'WebhookSubscription',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    id: string().key(),
    agency: string(),
    url: string(),
    eventTypes: any(),
    purpose: string().enum('processing', 'statistics'),
    description: string().optional(),
    enabled: boolean(),
    /** Optimistic locking: every change is conditional on the version it read. */
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    // Plain for now: the issue that seals personal data and secrets with KMS seals these two here.
    secret: string(),
    previousSecret: string().optional(),
    /** Epoch ms until which `previousSecret` still signs. */
    previousSecretExpiresAt: number().optional(),
    /** Epoch ms of the first failure of the current run of failed deliveries (the deliverer's). */
    failingSince: number().optional(),
    /** Why the service disabled it (`gone`, `failing`), when it did. */
    disabledReason: string().optional(),
  }),
  computeKey: ({ tenant, id }) => ({
    PK: webhooksPk(tenant),
    SK: `${SORT_KEY_PREFIX.webhookSubscription}${id}`,
  }),
});
/** An agency's system registered by a tenant admin: its Cognito app client, listed per tenant. */
export const AgencyClientEntity = new Entity({
  name: 'AgencyClient',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    clientId: string().key(),
    agency: string(),
    name: string(),
    scopes: any(),
    createdAt: string(),
    createdBy: string(),
  }),
  computeKey: ({ tenant, clientId }) => ({
    PK: tenantPk(tenant),
    SK: `${SORT_KEY_PREFIX.agencyClient}${clientId}`,
  }),
});

/**
 * The same client found by its id alone. Who asks: the pre-token-generation trigger (and the local
 * issuer), which know nothing but the client id a token is being issued to — Cognito tells them no
 * tenant. So this is the one key that does not begin with the tenant. It stays safe: the client id
 * is a random id Cognito made (no tenant can pick another's), the item holds only the tenant and
 * agency the id belongs to (no dossier data), and it is only ever read by GetItem on its exact key,
 * never queried, so no read can list another tenant's anything from it.
 */
export const AgencyClientLookupEntity = new Entity({
  name: 'AgencyClientLookup',
  table: MainTable,
  schema: item({
    clientId: string().key(),
    tenant: string(),
    agency: string(),
  }),
  computeKey: ({ clientId }) => ({ PK: `${SORT_KEY_PREFIX.agencyClient}${clientId}`, SK: '#CLIENT' }),
});

/**
 * Where the operator's tenant list lives: one partition, a province per item (tens of items). The
 * key is the suspension gate's (shared/platform/tenant-gate.ts), which reads the status by it.
 */
export const TENANT_REGISTRY_PK = TENANT_REGISTRY_PARTITION;

export const TenantRecordEntity = new Entity({
  name: 'TenantRecord',
  table: MainTable,
  schema: item({
    id: string().key(),
    provinceCode: string(),
    name: string(),
    status: string().enum('active', 'suspended', 'deleting', 'purged'),
    plan: string().enum('trial', 'standard', 'enterprise'),
    contact: any(),
    createdAt: string(),
    createdBy: string(),
    statusChangedAt: string().optional(),
    statusChangedBy: string().optional(),
    deletion: any().optional(),
    purge: any().optional(),
    exports: any().optional(),
  }),
  computeKey: ({ id }) => tenantRegistryKey(id),
});

/**
 * The operator's health counters of one tenant (shared/domain/tenants/health.ts) that no other
 * counter gives: deliveries given up, added to in the write that gives one up.
 */
export const TenantHealthEntity = new Entity({
  name: 'TenantHealth',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    deadDeliveries: number().optional(),
  }),
  computeKey: ({ tenant }) => ({ PK: tenantPk(tenant), SK: '#HEALTH' }),
});

export const deliveriesPk = (tenant: string, subscriptionId: string) =>
  `TENANT#${tenant}#WEBHOOK#${subscriptionId}`;

/**
 * One event for one subscription: the exact body signed on every attempt, where it stands and its
 * bounded attempt log (shared/domain/webhooks/delivery.ts). One partition per subscription: its
 * delivery log is one query, newest first (the id begins with the event's instant).
 */
export const WebhookDeliveryEntity = new Entity({
  name: 'WebhookDelivery',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    subscriptionId: string().key(),
    id: string().key(),
    eventId: string(),
    eventType: string(),
    dossierCode: string(),
    /** The envelope JSON text: the same bytes on every retry and redelivery. */
    body: string(),
    status: string().enum('pending', 'failed', 'delivered', 'gone', 'dead', 'skipped'),
    /** Attempts ever made: the guard of the conditional write that records one. */
    attempts: number(),
    /** Attempts since the last (re)queue: the retry schedule's attempt number. */
    roundAttempts: number(),
    /** Incremented by each redelivery; a message of an older round is dropped. */
    generation: number(),
    attemptLog: any(),
    /** Epoch ms: first queued, first attempt of the round, next attempt planned, last change. */
    enqueuedAt: number(),
    firstAttemptAt: number().optional(),
    nextAttemptAt: number().optional(),
    updatedAt: number(),
    /** Epoch seconds (TTL): the log is kept 30 days. */
    expiresAt: number(),
  }),
  computeKey: ({ tenant, subscriptionId, id }) => ({
    PK: deliveriesPk(tenant, subscriptionId),
    SK: `${SORT_KEY_PREFIX.webhookDelivery}${id}`,
  }),
});

export const noticesPk = (tenant: string) => `TENANT#${tenant}#NOTICES`;

/**
 * What failed for the tenant's webhooks (shared/domain/webhooks/notice.ts), one partition per
 * tenant so its admins read them in one query, newest first. Flat: the kind's fields are optional.
 */
export const WebhookNoticeEntity = new Entity({
  name: 'WebhookNotice',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    /** UTC ISO instant of the change reported: the sort order. */
    atIso: string().key(),
    id: string().key(),
    kind: string().enum('delivery-dead', 'subscription-disabled'),
    at: number(),
    subscriptionId: string(),
    agency: string(),
    deliveryId: string().optional(),
    eventType: string().optional(),
    dossierCode: string().optional(),
    attempts: number().optional(),
    lastError: string().optional(),
    reason: string().optional(),
    since: number().optional(),
    /** Epoch seconds (TTL): notices are kept 90 days. */
    expiresAt: number(),
  }),
  computeKey: ({ tenant, atIso, id }) => ({
    PK: noticesPk(tenant),
    SK: `${SORT_KEY_PREFIX.webhookNotice}${atIso}#${id}`,
  }),
});

/**
 * A notification to the applicant (shared/usecases/notifications.ts): its dedupe record and its
 * line in the dossier's control sheet at once. Keyed by the outbox event and the channel, so a
 * redelivered event finds it. It holds the masked address and a summary, never the message body
 * nor the full address. Kept with the dossier, like deadline marks.
 */
export const NotificationEntity = new Entity({
  name: 'Notification',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    /** `<outbox id>#<channel>`. */
    id: string().key(),
    kind: string(),
    channel: string().enum('email', 'sms'),
    eventType: string(),
    toMasked: string(),
    summary: string(),
    status: string().enum('sending', 'sent', 'failed'),
    /** Sends started: the claim's version (every change is conditional on the one read). */
    attempts: number(),
    /** Epoch ms until which a `sending` claim is its sender's; after it another may take over. */
    leaseUntil: number(),
    createdAt: string(),
    sentAt: string().optional(),
    providerMessageId: string().optional(),
    lastError: string().optional(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.notification}${id}`,
  }),
});

/**
 * A tenant's personal-data key, one item per version: the data key as KMS wrapped it (with the
 * encryption context `{ tenant }`), never the clear key. Created on first use, conditionally, so
 * containers racing to create it agree on one (shared/data/personal-data-keys.ts).
 */
export const DataKeyEntity = new Entity({
  name: 'DataKey',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    version: number().key(),
    /** Base64 of KMS's CiphertextBlob. */
    wrapped: string(),
    kmsKeyId: string(),
    createdAt: string(),
  }),
  computeKey: ({ tenant, version }) => ({
    PK: tenantPk(tenant),
    SK: `${SORT_KEY_PREFIX.dataKey}v${version}`,
  }),
});

/**
 * A dossier's receipt secret (issue 11 §7; shared/domain/citizens/receipt-secret.ts): written once
 * with the new dossier, in its transaction, never changed. Its own item, not a field of the dossier
 * body, so no view, event, webhook or report that carries a dossier can ever carry it. `sealed` is
 * the secret under the tenant's personal-data key (reprints of form 01); `hash` the keyed hash a
 * check compares with.
 *   receipt secret   PK TENANT#<t>#DOSSIER#<code>       SK #RECEIPT
 */
export const ReceiptSecretEntity = new Entity({
  name: 'ReceiptSecret',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    sealed: string(),
    hash: string(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: dossierPk(tenant, code), SK: '#RECEIPT' }),
});

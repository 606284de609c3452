/**
 * Key names of the single DynamoDB table. CDK creates the table from these and the
 * dynamodb-toolbox table reads them, so the two cannot drift apart.
 */
export const TABLE_KEYS = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Generic inverted/secondary index: work queues, per-agency listings. */
  gsi1: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /** Time-to-live attribute (idempotency records, expired upload intents). */
  ttl: 'expiresAt',
} as const;

/**
 * The sort-key prefix of each kind of item that shares a partition with others (the key map is in
 * table.ts). The entities build their keys from these and `query.ts` lists a kind by them, so a
 * kind's prefix is written once.
 */
export const SORT_KEY_PREFIX = {
  agency: 'AGENCY#',
  procedure: 'PROC#',
  staff: 'STAFF#',
  dossierEvent: 'EVENT#',
  attachment: 'ATT#',
  outbox: 'OUTBOX#',
  deadlineMark: 'MARK#',
  idempotencyKey: 'idem#',
  webhookSubscription: 'SUB#',
  agencyClient: 'CLIENT#',
  webhookDelivery: 'DLV#',
  webhookNotice: 'NOTICE#',
  notification: 'NOTIFY#',
  tenantRecord: 'TENANT#',
  dataKey: 'KEY#',
} as const;
export type SortKeyPrefix = (typeof SORT_KEY_PREFIX)[keyof typeof SORT_KEY_PREFIX];

/** Paused dossiers (clock stopped) carry this before their queue order: `p` sorts after any digit. */
const QUEUE_PAUSED_PREFIX = 'p#';

/**
 * A dossier's position in its work queue (the GSI1 sort key): by step due instant (UTC ISO, so the
 * overdue come first), undated steps (`9999`) after dated ones, paused dossiers last, the code
 * breaking ties. The order lives in the index so a queue reads page by page in the order shown.
 */
export function queueOrder(step: { dueAt?: string }, code: string, paused: boolean): string {
  const due = step.dueAt ? new Date(step.dueAt).toISOString() : '9999';
  return `${paused ? QUEUE_PAUSED_PREFIX : ''}${due}#${code}`;
}

/** What `queueOrder` produces: a work-queue page cursor must hold one of these. */
export const QUEUE_ORDER_PATTERN =
  /^(p#)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|9999)#[0-9A-Z.]{1,40}-\d{6}-\d{4,9}$/;

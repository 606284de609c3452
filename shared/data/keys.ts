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

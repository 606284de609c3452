/**
 * Token buckets in the table (docs/fair-share.md): one item per bucket holding its TAT
 * (shared/domain/fair-share/token-bucket.ts), admitted with one conditional UpdateItem in the usual
 * case and never a read first. Lives in the platform, as the tenant registry read does
 * (tenant-gate.ts), because the gate that calls it is the platform's and the platform does not
 * import the data layer.
 *
 * Keys: partition `RATE#<tenant>`, sort `STAFF` (the tenant's signed-in callers) or
 * `CLIENT#<client>` (one public client). The partition prefix is what IAM lets every function with
 * table access update (infra/constructs/access.ts, `dynamodb:LeadingKeys`), and what the offline
 * access guard allows likewise: a read-only function may write its buckets, and nothing else.
 * Items expire through the table's TTL once their bucket has refilled.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  admissionConditions,
  admit,
  toleranceMs,
  type Admission,
  type BucketLimit,
} from '../domain/fair-share/token-bucket';
import { getDocumentClient } from './aws-clients';
import { ENV, requireEnv } from './env';

export const RATE_BUCKET_PARTITION_PREFIX = 'RATE#';
/** The table's TTL attribute (shared/data/keys.ts TABLE_KEYS.ttl; the platform does not import data). */
const TTL_ATTRIBUTE = 'expiresAt';

export const rateBucketKey = (tenant: string, bucket: string) => ({
  PK: `${RATE_BUCKET_PARTITION_PREFIX}${tenant}`,
  SK: bucket,
});
export const STAFF_BUCKET = 'STAFF';
export const clientBucket = (client: string) => `CLIENT#${client}`;

export interface BucketStore {
  /**
   * `clock` is read at each attempt: a request delayed between two attempts (a busy event loop, a
   * slow call) must not judge a TAT others wrote meanwhile by its older "now".
   */
  take(key: { PK: string; SK: string }, limit: BucketLimit, clock: () => number): Promise<Admission>;
  /**
   * The refusal this store can tell without a call (the TAT it last saw already refuses), or
   * undefined: the gate then skips the reads a refused request would have wasted.
   */
  refusedFromMemory?(key: { PK: string; SK: string }, limit: BucketLimit, now: number): Admission | undefined;
}

type Path = 'busy' | 'idle';

/** The TAT in a ConditionalCheckFailed's item, marshalled (`{N: "…"}`) or not. */
function tatOf(item: Record<string, unknown> | undefined): number | undefined {
  const raw = item?.tat as { N?: string } | number | undefined;
  if (raw === undefined) return undefined;
  const value = typeof raw === 'number' ? raw : Number(raw.N);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The DynamoDB store. `lastTat` remembers, per bucket, the TAT this container last saw, to try
 * the path likely to succeed first: under load (the case that matters) the busy path, one write;
 * after a quiet spell the idle path, one write. A wrong guess costs one more write, whose failed
 * condition returns the item, so a third attempt (a race at the turn between the two) is rare.
 */
export function dynamoBucketStore(): BucketStore {
  const lastTat = new Map<string, number>();
  const attempt = async (key: { PK: string; SK: string }, path: Path, now: number, limit: BucketLimit) => {
    const c = admissionConditions(now, limit);
    // Expires once refilled (TTL deletes late, which only means a full bucket read as full).
    const expiresAt = Math.ceil((now + toleranceMs(limit) + c.interval) / 1000) + 60;
    const command =
      path === 'busy'
        ? new UpdateCommand({
            TableName: requireEnv(ENV.tableName),
            Key: key,
            UpdateExpression: 'SET tat = tat + :interval, #ttl = :expiresAt',
            ConditionExpression: 'tat > :now AND tat <= :busyMax',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':interval': c.interval,
              ':now': now,
              ':busyMax': c.busyMax,
              ':expiresAt': expiresAt,
            },
            ReturnValues: 'UPDATED_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          })
        : new UpdateCommand({
            TableName: requireEnv(ENV.tableName),
            Key: key,
            UpdateExpression: 'SET tat = :idleTat, #ttl = :expiresAt',
            ConditionExpression: 'attribute_not_exists(tat) OR tat <= :now',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':idleTat': c.idleTat, ':now': now, ':expiresAt': expiresAt },
            ReturnValues: 'UPDATED_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          });
    try {
      const { Attributes } = await getDocumentClient().send(command);
      return { ok: true as const, tat: tatOf(Attributes) ?? c.idleTat };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (error.Item) return { ok: false as const, tat: tatOf(error.Item as Record<string, unknown>) };
      // An endpoint that does not return the item on a failed condition (older DynamoDB Local):
      // read it, or every retry would guess the same wrong path.
      const { Item } = await getDocumentClient().send(
        new GetCommand({ TableName: requireEnv(ENV.tableName), Key: key, ConsistentRead: true }),
      );
      return { ok: false as const, tat: tatOf(Item) };
    }
  };

  return {
    refusedFromMemory: (key, limit, now) => {
      const known = lastTat.get(`${key.PK}|${key.SK}`);
      if (known === undefined) return undefined;
      const verdict = admit(known, now, limit);
      return verdict.allowed ? undefined : verdict;
    },
    take: async (key, limit, clock) => {
      const id = `${key.PK}|${key.SK}`;
      let known = lastTat.get(id);
      let now = clock();
      for (let tries = 0; tries < 3; tries += 1) {
        now = Math.max(now, clock());
        // The stored TAT only grows (both paths move it forward), so one this container saw is a
        // lower bound: if even it refuses, the bucket does, and the refusal costs no write. A
        // noisy tenant's excess is answered from memory, mostly.
        const verdict = admit(known, now, limit);
        if (!verdict.allowed) return verdict;
        const path: Path = known !== undefined && known > now ? 'busy' : 'idle';
        const result = await attempt(key, path, now, limit);
        if (result.ok) {
          lastTat.set(id, result.tat);
          return { allowed: true, tat: result.tat, retryAfterSeconds: 0 };
        }
        known = result.tat;
        if (known !== undefined) lastTat.set(id, known);
        else lastTat.delete(id);
      }
      // Three races lost in a row while the TAT read each time still had room: contention, not
      // excess. Admitted, as fail-open does: refusing would punish concurrency, not overuse.
      return { allowed: true, tat: known ?? now, retryAfterSeconds: 0 };
    },
  };
}

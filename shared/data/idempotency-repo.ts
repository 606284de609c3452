/**
 * Idempotency-Key records. A use case never writes one on its own: `keyRecordPut` is one more item
 * in the transaction that makes the use case's change, so the key is taken if and only if the
 * change is committed — whatever crashes in between, there is no state "changed, key not taken".
 * `keyFailure` tells from a cancelled transaction whether the key item was the reason.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import type { IdempotencyClaim, KeyRecord } from '../domain/idempotency';
import { ENV, numberEnv } from '../platform/env';
import { IdempotencyKeyEntity } from './table';
import { cancellationCodes } from './transactions';
import { openText, textSealer } from './personal-data';

/** How long a key stays taken (default one day): a retry after that is a new request. */
const TTL_SECONDS = numberEnv(ENV.idempotencyTtlSeconds, 24 * 3600);

const keyOf = (claim: IdempotencyClaim) => ({
  tenant: claim.tenant,
  route: claim.route,
  keyHash: claim.keyHash,
});

/** The key's record as committed (a strongly consistent read: a retry must see the first commit). */
export async function findKeyRecord(claim: IdempotencyClaim): Promise<KeyRecord | undefined> {
  const { Item } = await IdempotencyKeyEntity.build(GetItemCommand)
    .key(keyOf(claim))
    .options({ consistent: true })
    .send();
  if (!Item) return undefined;
  // A stored answer that carries personal data is sealed (`sealedKeyRecordPut`): opened for the
  // retry, which is the same caller the first answer went to.
  const result = await openText(resultContext(claim), Item.result);
  return { bodyHash: Item.bodyHash, result, expiresAt: Item.expiresAt };
}

/** Where a sealed answer belongs (its AAD): this route's record of this key, nowhere else. */
const resultContext = (claim: IdempotencyClaim) => ({
  tenant: claim.tenant,
  record: `idem#${claim.route}#${claim.keyHash}`,
  field: 'result',
});

/**
 * `keyRecordPut` with the answer sealed, for routes whose answer shows the applicant's personal
 * data (a dossier's full view): the tenant's key is fetched first, so the put is still made
 * synchronously inside the use case's transaction.
 */
export async function sealedKeyRecordPut(claim: IdempotencyClaim) {
  const seal = await textSealer(claim.tenant);
  const { tenant: _tenant, ...context } = resultContext(claim);
  return (result: string, nowMs = Date.now()) => keyRecordPut(claim, seal(context, result), nowMs);
}

/**
 * The transaction item that takes the key, with the answer every retry will get. It fails the
 * transaction if the key is taken, unless the record has expired (TTL deletes late: up to days in
 * AWS, never in DynamoDB Local).
 */
export function keyRecordPut(claim: IdempotencyClaim, result: string, nowMs = Date.now()) {
  const now = Math.floor(nowMs / 1000);
  return IdempotencyKeyEntity.build(PutTransaction)
    .item({ ...keyOf(claim), bodyHash: claim.bodyHash, result, expiresAt: now + TTL_SECONDS })
    .options({
      condition: {
        or: [
          { attr: 'bodyHash', exists: false },
          { attr: 'expiresAt', lte: now },
        ],
      },
    });
}

export type KeyRecordPut = ReturnType<typeof keyRecordPut>;

/** Another request with the same key committed first: its record holds the answer. */
export class KeyTakenError extends Error {
  constructor() {
    super('idempotency key taken by a committed request');
    this.name = 'KeyTakenError';
  }
}

/** Another request with the same key was committing at that very moment: nothing was written; retry. */
export class KeyContendedError extends Error {
  constructor() {
    super('idempotency key written concurrently');
    this.name = 'KeyContendedError';
  }
}

/**
 * The key's part in a cancelled transaction whose item number `index` was the key item: an error
 * to throw instead of the cancellation, or undefined when the key was not the reason.
 */
export function keyFailure(error: unknown, index: number): KeyTakenError | KeyContendedError | undefined {
  const code = cancellationCodes(error)?.[index];
  if (code === 'ConditionalCheckFailed') return new KeyTakenError();
  if (code === 'TransactionConflict') return new KeyContendedError();
  return undefined;
}

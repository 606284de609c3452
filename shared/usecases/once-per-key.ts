/**
 * `Idempotency-Key` for the use cases that create or change something: a request repeated with the
 * same key and body gets the first answer and changes nothing; with another body it is refused.
 *
 * The key is taken by one more item in the use case's own transaction (the dossier, its history
 * and outbox, or the attachment record), holding the body's hash and the answer. So the key is
 * taken exactly when the change is committed, and no crash can fall between the two.
 *
 * Why not Powertools idempotency, which did this before: it writes its record IN_PROGRESS before
 * the use case and COMPLETED after, each in a write of its own. A crash after the change's commit
 * and before COMPLETED left a change whose key was not taken; once the in-progress lease ran out,
 * the retry ran the use case again and made a second dossier (issue 7). Keeping it on top of the
 * key item would add two writes per request, a lease that answers 409 after a crash until it
 * expires, and a second record that can disagree with the first. One mechanism, then.
 */
import { judgeKey, type IdempotencyClaim } from '../domain/idempotency';
import {
  findKeyRecord,
  KeyContendedError,
  keyRecordPut,
  KeyTakenError,
  sealedKeyRecordPut,
  type KeyRecordPut,
} from '../data/idempotency-repo';
import { AppError, UnprocessableError } from '../platform/errors';

export interface Outcome<T> {
  result: T;
  /** True when the result is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Gives the transaction item that takes the key with `result` as its answer (none without a key). */
export type TakeKey<T> = (result: T) => KeyRecordPut | undefined;

const keyReused = () =>
  new UnprocessableError(
    'idempotency-key-reused',
    'Idempotency-Key đã dùng cho nội dung khác / this Idempotency-Key was used with a different body',
  );

const keyInProgress = () =>
  new AppError(
    409,
    'idempotency-key-in-progress',
    'Yêu cầu đang được xử lý / Request in progress',
    'Một yêu cầu cùng Idempotency-Key đang được xử lý; hãy gửi lại sau giây lát / ' +
      'a request with this Idempotency-Key is being processed: send it again in a moment',
  );

/** The stored answer for the claim, undefined if the key is free; refuses another body. */
async function earlierAnswer<T>(claim: IdempotencyClaim): Promise<Outcome<T> | undefined> {
  const verdict = judgeKey(claim, await findKeyRecord(claim), Math.floor(Date.now() / 1000));
  if (verdict.kind === 'mismatch') throw keyReused();
  if (verdict.kind === 'replay') return { result: JSON.parse(verdict.result) as T, replayed: true };
  return undefined;
}

/**
 * Runs `run` once per claimed key. `run` must put `takeKey(result)` in the one transaction that
 * commits its change. Without a claim (no Idempotency-Key header) it just runs.
 *
 * A key already taken answers from its record before any work is done: a retry costs one read and
 * consumes no dossier number. Two requests with one key that both pass that read race in their
 * transactions; the loser finds the winner's record and answers with it (DynamoDB may instead
 * cancel it as a conflict while the winner commits: then 409, retry).
 */
export async function oncePerKey<T>(
  claim: IdempotencyClaim | undefined,
  run: (takeKey: TakeKey<T>) => Promise<T>,
  /** `personalData`: the answer shows the applicant's personal data, so it is stored sealed. */
  options: { personalData?: boolean } = {},
): Promise<Outcome<T>> {
  if (!claim) return { result: await run(() => undefined), replayed: false };
  const earlier = await earlierAnswer<T>(claim);
  if (earlier) return earlier;
  const put = options.personalData
    ? await sealedKeyRecordPut(claim)
    : (result: string) => keyRecordPut(claim, result);
  try {
    const result = await run((answer) => put(JSON.stringify(answer)));
    return { result, replayed: false };
  } catch (error) {
    if (error instanceof KeyTakenError) {
      const winner = await earlierAnswer<T>(claim);
      if (winner) return winner;
    }
    if (error instanceof KeyTakenError || error instanceof KeyContendedError) throw keyInProgress();
    throw error;
  }
}

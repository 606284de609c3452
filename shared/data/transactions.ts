/**
 * Reading a cancelled DynamoDB transaction. TransactWriteItems answers TransactionCanceledException
 * with one reason per item, in the order the items were sent: `None` for those that were fine,
 * `ConditionalCheckFailed` for a condition that did not hold, `TransactionConflict` for an item
 * another transaction was writing at the same moment.
 */
export type CancellationCode = 'None' | 'ConditionalCheckFailed' | 'TransactionConflict' | (string & {});

/** The per-item reasons of a cancelled transaction, or undefined for any other error. */
export function cancellationCodes(error: unknown): CancellationCode[] | undefined {
  const e = error as { name?: string; CancellationReasons?: Array<{ Code?: string }> } | undefined;
  if (e?.name !== 'TransactionCanceledException') return undefined;
  return (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/**
 * Whether item number `index` lost to a concurrent change: its condition failed, or another
 * transaction was writing it at the same moment (in DynamoDB, two actions on one dossier at once).
 * Either way the caller's read is stale, and the answer is the same 409 "reload and retry".
 */
export function lostToConcurrentChange(error: unknown, index: number): boolean {
  const code = cancellationCodes(error)?.[index];
  return code === 'ConditionalCheckFailed' || code === 'TransactionConflict';
}

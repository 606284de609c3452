/**
 * Uploads not yet confirmed ("pending"). Each holds a presigned URL and a staged object that nobody
 * has checked, so they may not pile up: one expires a day after it was asked for, and a dossier
 * holds at most MAX_PENDING_UPLOADS at once. The bucket's lifecycle rule (CDK) and the offline
 * sweep take the same number of days, so the record and its staged object go together.
 */
export const PENDING_UPLOAD_DAYS = 1;
export const PENDING_UPLOAD_SECONDS = PENDING_UPLOAD_DAYS * 86_400;

/** More than a counter receives for one dossier at a time; few enough that an abandoned client cannot fill the bucket. */
export const MAX_PENDING_UPLOADS = 20;

export interface PendingState {
  status: 'pending' | 'stored';
  /** Epoch seconds (the table's TTL attribute). */
  expiresAt?: number;
  attachment: { createdAt: string };
}

/** Epoch seconds at which an upload asked for at `now` expires: the table's TTL unit. */
export function pendingExpiresAt(now: Date): number {
  return Math.floor(now.getTime() / 1000) + PENDING_UPLOAD_SECONDS;
}

/**
 * Whether a record is a pending upload past its time. DynamoDB deletes expired items late (hours,
 * even days; DynamoDB Local never), so an expired record must be treated as gone by whoever reads it.
 * A record written before uploads expired has no `expiresAt`: it expires a day after its creation.
 */
export function isExpiredPending(record: PendingState, now: Date): boolean {
  if (record.status !== 'pending') return false;
  const expiresAt =
    record.expiresAt ?? Math.floor(Date.parse(record.attachment.createdAt) / 1000) + PENDING_UPLOAD_SECONDS;
  return expiresAt * 1000 <= now.getTime();
}

export interface PendingLimitViolation {
  rule: 'pending-upload-limit';
  message: string;
}

/** Whether one more upload may start, given how many of the dossier's uploads are still pending. */
export function pendingLimitViolation(livePending: number): PendingLimitViolation | undefined {
  if (livePending < MAX_PENDING_UPLOADS) return undefined;
  return {
    rule: 'pending-upload-limit',
    message:
      `Hồ sơ đã có ${livePending} tệp chờ xác nhận, tối đa ${MAX_PENDING_UPLOADS}: hãy xác nhận hoặc chờ hết hạn / ` +
      `the dossier has ${livePending} unconfirmed uploads, at most ${MAX_PENDING_UPLOADS}: confirm them or let them expire`,
  };
}

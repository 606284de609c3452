/**
 * Which outbox events the applicant is told about (issue 13 §3), by kind. Plain strings only: the
 * queue table (shared/api/queues.ts), which the dispatcher imports on every write, reads
 * NOTIFICATION_EVENT_TYPES from here, so this module must not pull zod or the lifecycle table.
 *
 * A supplement is asked for in two places of the lifecycle: at reception (`dossier.supplement_requested`,
 * form 02 before the dossier is received) and during processing (`dossier.paused`, which also
 * stops the clock). For the applicant both are the same news: "add these papers, for this reason".
 * Refusal and withdrawal are not in the list and are not sent.
 */
export const NOTIFICATION_KINDS = [
  'received',
  'supplementRequested',
  'resultReady',
  'apology',
  'returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Outbox type → the notification it makes. */
export const KIND_OF_EVENT: Readonly<Record<string, NotificationKind>> = {
  'dossier.received': 'received',
  'dossier.supplement_requested': 'supplementRequested',
  'dossier.paused': 'supplementRequested',
  'dossier.result_ready': 'resultReady',
  'dossier.apologized': 'apology',
  'dossier.returned': 'returned',
};

/** Exactly the event types the notifications queue subscribes to. */
export const NOTIFICATION_EVENT_TYPES: readonly string[] = Object.keys(KIND_OF_EVENT);

export const kindOfEvent = (type: string): NotificationKind | undefined =>
  Object.hasOwn(KIND_OF_EVENT, type) ? KIND_OF_EVENT[type] : undefined;

/** How the control sheet names each notification (Vietnamese, shown to staff). */
export const KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  received: 'Đã tiếp nhận hồ sơ',
  supplementRequested: 'Hồ sơ cần bổ sung',
  resultReady: 'Đã có kết quả',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  returned: 'Đã trả kết quả',
};

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<NotificationChannel, string>> = {
  email: 'e-mail',
  sms: 'SMS',
};

/**
 * The event types that move a report figure (./count.ts says how), apart so the outbox dispatcher,
 * which subscribes the `reports` queue to exactly these (shared/api/queues.ts), imports no more.
 */
export const REPORT_EVENT_TYPES = [
  'dossier.received',
  'dossier.result_ready',
  'dossier.refused',
  'dossier.withdrawn',
  'dossier.overdue',
  'dossier.paused',
  'dossier.apologized',
  'dossier.returned',
  'dossier.evaluated',
] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

import * as z from 'zod/mini';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../../domain/notifications/kinds';
import { QUEUE_ORDER_PATTERN } from '../../data/keys';
import { STEP_ROLES } from '../../domain/roles';
import { ALARM_TYPES, HISTORY_TYPES } from '../../domain/lifecycle/events';
import { agencyCode, calendarDateTime } from './common';
import { DOSSIER_STATUSES } from '../../domain/lifecycle/statuses';
import { nextCursor, pageQuery } from './page';

/**
 * The actions route's body (./dossier-action.ts), apart because it is built from the lifecycle
 * table: the work queue and the control sheet do not bundle the table (issue 14).
 */
export { dossierAction, type ActionName, type DossierAction } from './dossier-action';

/** A work-queue position, as the queue index sorts it (see `queueOrder` in shared/data/keys.ts). */
const queuePosition = z.string().check(z.regex(QUEUE_ORDER_PATTERN));

/** Strict: a misspelt filter (`?agencey=`) is refused, not silently ignored. */
export const workQueueQuery = z.strictObject({
  agency: z.optional(agencyCode),
  /** One of the caller's own roles (any, for a tenant admin); absent: all of them. */
  role: z.optional(z.enum(STEP_ROLES)),
  /** Only dossiers in this status (e.g. `paused` for those waiting for a supplement). */
  status: z.optional(z.enum(DOSSIER_STATUSES)),
  /** Only dossiers saved at or after this instant: an agency system polls for what changed. */
  updatedSince: z.optional(calendarDateTime),
  /**
   * Only the applicant with this exact ID number (CCCD, or tax code): matched through its keyed
   * hash, never the clear number, which is sealed in the table.
   */
  idNumber: z.optional(
    z
      .string()
      .check(
        z.maxLength(14),
        z.regex(
          /^(\d{9}|\d{12}|\d{10}(-\d{3})?)$/,
          'số CCCD 12 số hoặc mã số thuế / 12-digit ID or tax code',
        ),
      ),
  ),
  ...pageQuery('queue', queuePosition),
});

export const workQueueItem = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  status: z.string(),
  statusLabel: z.string(),
  step: z.object({
    index: z.number(),
    name: z.string(),
    agency: z.string(),
    role: z.string(),
    assignee: z.optional(z.string()),
  }),
  stepDueAt: z.nullable(z.string()),
  appointmentAt: z.nullable(z.string()),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  paused: z.boolean(),
  /** When the dossier was last saved; absent on dossiers last saved before this was recorded. */
  updatedAt: z.optional(z.string()),
});
export const workQueue = z.object({
  agency: z.string(),
  roles: z.array(z.string()),
  now: z.string(),
  items: z.array(workQueueItem),
  nextCursor,
});

export const controlSheetLine = z.object({
  at: z.string(),
  event: z.enum(HISTORY_TYPES),
  label: z.string(),
  agency: z.string(),
  actor: z.string(),
  note: z.optional(z.string()),
  handoff: z.optional(
    z.object({
      fromAgency: z.string(),
      fromPerson: z.string(),
      toAgency: z.string(),
      toPerson: z.optional(z.string()),
      stepIndex: z.number(),
      stepName: z.string(),
      allowance: z.object({ workingDays: z.optional(z.number()), workingHours: z.optional(z.number()) }),
      stepStartedAt: z.optional(z.string()),
      stepDueAt: z.optional(z.string()),
      timeliness: z.optional(z.enum(['early', 'onTime', 'late'])),
      timelinessLabel: z.optional(z.string()),
    }),
  ),
});
export const firedAlarm = z.object({
  id: z.string(),
  type: z.enum(ALARM_TYPES),
  firedAt: z.string(),
  dueAt: z.string(),
  stepIndex: z.optional(z.number()),
});
export const controlSheet = z.object({
  code: z.string(),
  form: z.literal('06'),
  /** Deadline alarms the dossier's clock fired, each once. */
  alarms: z.array(firedAlarm),
  lines: z.array(controlSheetLine),
  /**
   * Notifications sent to the applicant (issue 13 §3, docs/notifications.md), oldest first: the
   * kind, the channel, the masked address and the line shown; never the message text.
   */
  notifications: z.optional(
    z.array(
      z.object({
        at: z.string().check(z.describe('Thời điểm gửi (hoặc lần thử đầu) / when sent (or first tried)')),
        kind: z.enum(NOTIFICATION_KINDS),
        channel: z.enum(NOTIFICATION_CHANNELS),
        to: z
          .string()
          .check(z.describe('Địa chỉ đã che / the masked address, e.g. n***@gmail.com, 09******78')),
        status: z.enum(['sending', 'sent', 'failed']),
        line: z
          .string()
          .check(
            z.describe(
              "Dòng hiển thị, ví dụ: Đã gửi thông báo 'Hồ sơ cần bổ sung' qua e-mail n***@gmail.com",
            ),
          ),
      }),
    ),
  ),
});

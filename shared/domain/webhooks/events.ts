/**
 * The public webhook catalog: what a subscriber receives for each event, as versioned schemas.
 * Every delivery is one envelope `{ id, type, version, time, tenant, agency, dossierCode,
 * sequence, data }`; `data` is the minimal payload of its type. The internal catalog
 * (../lifecycle/events.ts) is what the outbox holds; this is what leaves the system, built from
 * it by ./project.ts and published in the OpenAPI document's `webhooks` and docs/events.md.
 *
 * Versioning: a type's `version` is a literal in its schema. An added optional field keeps the
 * version (receivers ignore fields they do not know); any change of meaning — a field removed,
 * renamed, retyped or worded differently — is a new version, and both versions are published
 * while subscribers migrate.
 */
import * as z from 'zod/mini';
import { DOSSIER_STATUSES } from '../lifecycle/statuses';
import {
  ALARM_TYPES,
  DEADLINES_CHANGED,
  EVENT_CATALOG,
  type AlarmType,
  type EventType,
} from '../lifecycle/events';
import type { Labels } from '../lifecycle/spec';
import { ACTION_LINES } from '../lifecycle/history-lines';

/** Every event a subscriber can receive: the catalog less the deadline clock's internal restart. */
export type PublicEventType = Exclude<EventType, typeof DEADLINES_CHANGED>;
export const PUBLIC_EVENT_TYPES = (Object.keys(EVENT_CATALOG) as EventType[]).filter(
  (t): t is PublicEventType => t !== DEADLINES_CHANGED,
);

export const isAlarmType = (t: string): t is AlarmType => (ALARM_TYPES as readonly string[]).includes(t);

/** zod's `.int()`: a safe integer, the check written the same way classic zod writes it. */
const int = () => z.number().check(z.int());

const timeliness = z.enum(['early', 'onTime', 'late']).check(z.describe('Trước hạn / đúng hạn / quá hạn'));

export const applicantData = z
  .object({
    name: z.string().check(z.describe('Họ tên người nộp / applicant name')),
    idNumber: z.string().check(z.describe('Số CCCD/CMND hoặc mã số thuế / ID number or tax code')),
  })
  .check(
    z.describe(
      'Only for a processing subscription of an agency on the dossier’s route (receiving, competent, or a step’s agency).',
    ),
  );

/** Where the dossier stands after the event: every type carries it. */
const dossierState = {
  status: z.enum(DOSSIER_STATUSES),
  procedureCode: z.string(),
  receivingAgency: z.string(),
  competentAgency: z.string(),
  currentStep: z
    .nullable(int())
    .check(z.describe('Index of the step the dossier is at; null before acceptance and once finished')),
  appointmentAt: z.nullable(z.string()).check(z.describe('Hẹn trả kết quả / the appointment, ISO 8601')),
  applicant: z.optional(applicantData),
};

export const handoffData = z.object({
  fromAgency: z.string(),
  toAgency: z.string().check(z.describe('`applicant` when the result goes back to the applicant')),
  fromPerson: z
    .optional(z.string())
    .check(z.describe('Staff username; not sent to statistics subscriptions')),
  toPerson: z.optional(z.string()).check(z.describe('Staff username; not sent to statistics subscriptions')),
  stepIndex: int(),
  stepName: z.string(),
  allowance: z.object({ workingDays: z.optional(z.number()), workingHours: z.optional(z.number()) }),
  stepStartedAt: z.optional(z.string()),
  stepDueAt: z.optional(z.string()),
  timeliness: z.optional(timeliness),
});

/** A history event's data: the state, who acted (processing only) and the hand-off if any. */
export const historyData = z.object({
  ...dossierState,
  actor: z
    .optional(z.string())
    .check(z.describe('Staff username who acted; not sent to statistics subscriptions')),
  handoff: z.optional(handoffData),
});

const stepData = z.object({
  index: int(),
  name: z.string(),
  agency: z.string(),
  role: z.string(),
});

const alarmBase = {
  ...dossierState,
  dueAt: z.string().check(z.describe('The due time that passed or nears')),
};
export const dossierAlarmData = z.object(alarmBase);
export const stepAlarmData = z.object({ ...alarmBase, step: stepData });

/** Which agency an event's `agency` names, per kind (docs/events.md, the OpenAPI descriptions). */
export const AGENCY_RULES = {
  history: 'where the action was taken: the receiving counter, or the agency of the step acted on',
  'step.overdue': 'the overdue step’s agency',
  dossierAlarm: 'the competent agency, answerable for the appointment',
} as const;

export interface WebhookEventSpec {
  type: PublicEventType;
  version: number;
  label: Labels;
  /** When it fires, in words. */
  when: string;
  /** Which agency `agency` names, in words. */
  agency: string;
  data: z.ZodMiniObject<z.core.$ZodLooseShape>;
  envelope: z.ZodMiniObject<z.core.$ZodLooseShape>;
}

function whenOf(type: PublicEventType): string {
  if (type === 'dossier.submitted') return 'A dossier is submitted (online, or handed in at a counter).';
  if (type === 'dossier.due_soon')
    return 'A quarter of the dossier’s working time is left (at most one working day before the appointment).';
  if (type === 'dossier.overdue') return 'The appointment passed and the dossier is not finished.';
  if (type === 'step.overdue') return 'The current step’s own due time passed and it was not handed on.';
  const actions = Object.entries(ACTION_LINES)
    .filter(([, s]) => s.outbox === type)
    .map(([key]) => `\`${key}\``);
  return `Action ${actions.join(' or ')} was taken.`;
}

/** Every delivery: the envelope around `data`. */
export function envelopeSchema(type: PublicEventType, version: number, data: z.ZodMiniObject, label: Labels) {
  return z
    .object({
      id: z
        .string()
        .check(
          z.minLength(1),
          z.describe(
            'Stable per event and unique across tenants and dossiers: the same on every retry, sent as the `webhook-id` header. Deduplicate on it.',
          ),
        ),
      type: z.literal(type),
      version: z
        .literal(version)
        .check(z.describe('The schema version of this type; a change of meaning is a new version')),
      time: z.string().check(z.describe('When it happened, ISO 8601 with offset')),
      tenant: z.string().check(z.describe('The province (tenant) id')),
      agency: z.string().check(z.describe('The agency code the event concerns')),
      dossierCode: z.string(),
      sequence: int().check(
        z.nonnegative(),
        z.describe(
          'Orders one dossier’s events: version × 100 + slot (history events by their position in the change, alarms from slot 90). Order by (dossierCode, sequence).',
        ),
      ),
      data,
    })
    .check(
      z.describe(
        `${label.vi} / ${label.en}. Delivered at least once, possibly out of order: deduplicate by \`id\`, order by (dossierCode, sequence). Ignore fields you do not know.`,
      ),
    );
}

function specOf(type: PublicEventType): WebhookEventSpec {
  const { version, label } = EVENT_CATALOG[type];
  const data = type === 'step.overdue' ? stepAlarmData : isAlarmType(type) ? dossierAlarmData : historyData;
  const agency =
    type === 'step.overdue'
      ? AGENCY_RULES['step.overdue']
      : isAlarmType(type)
        ? AGENCY_RULES.dossierAlarm
        : AGENCY_RULES.history;
  return {
    type,
    version,
    label,
    when: whenOf(type),
    agency,
    data,
    envelope: envelopeSchema(type, version, data, label),
  };
}

/** The public catalog, by type: version, labels, when, which agency, data and envelope schemas. */
export const WEBHOOK_EVENTS = Object.fromEntries(PUBLIC_EVENT_TYPES.map((t) => [t, specOf(t)])) as Readonly<
  Record<PublicEventType, WebhookEventSpec>
>;

export type WebhookEnvelope = z.output<ReturnType<typeof envelopeSchema>>;
export type HistoryData = z.output<typeof historyData>;

/**
 * The projection from an outbox item to the envelope one subscriber receives. Pure: the delivery
 * pipeline calls it once per (event, subscription), with the dossier read for the subscription
 * that may see the applicant.
 *
 * Personal data, the least the receiver needs (Decree 13/2023/NĐ-CP: purpose-bound processing):
 * - a `processing` subscription of an agency on the dossier's route (its receiving agency, its
 *   competent agency or the agency of one of its steps) handles the dossier and gets the
 *   applicant's name and ID number (`data.applicant`) and the staff usernames;
 * - a `processing` subscription of any other agency gets no applicant;
 * - a `statistics` subscription counts and times dossiers: it gets no applicant and no staff
 *   usernames either (`actor`, a hand-off's `fromPerson`/`toPerson`) — a username names a civil
 *   servant, and no count or duration needs to know who.
 */
import * as z from 'zod/mini';
import { alarmPayload, historyEventPayload } from '../lifecycle/events';
import { alarmSequence, historySequence } from './sequence';
import {
  isAlarmType,
  PUBLIC_EVENT_TYPES,
  WEBHOOK_EVENTS,
  type PublicEventType,
  type WebhookEnvelope,
} from './events';

/** An outbox item as the table holds it (shared/data/table.ts OutboxEntity), keys aside. */
export interface OutboxItem {
  id: string;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export type WebhookPurpose = 'processing' | 'statistics';

/** What the projection reads of the dossier: its applicant and its route (a Dossier fits). */
export interface DossierFacts {
  applicant: { name: string; idNumber: string };
  receivingAgency: string;
  competentAgency: string;
  steps: ReadonlyArray<{ agency: string }>;
}

export interface WebhookReceiver {
  purpose: WebhookPurpose;
  /** The subscribing agency's code. */
  receiverAgency: string;
  /** The dossier, for a processing subscription (the applicant is read from it). */
  dossier?: DossierFacts;
}

const keys = { tenant: z.string(), code: z.string() };
const historyItem = z.extend(historyEventPayload, { ...keys, version: z.number().check(z.int()) });
const alarmItem = z.extend(alarmPayload, keys);

export const onRoute = (d: DossierFacts, agency: string): boolean =>
  d.receivingAgency === agency || d.competentAgency === agency || d.steps.some((s) => s.agency === agency);

/** What this receiver may see: the applicant's name and ID number, and staff usernames. */
export function disclosure(receiver: WebhookReceiver): { applicant: boolean; staff: boolean } {
  const processing = receiver.purpose === 'processing';
  return {
    applicant:
      processing && receiver.dossier !== undefined && onRoute(receiver.dossier, receiver.receiverAgency),
    staff: processing,
  };
}

const publicType = (type: string): PublicEventType => {
  if (!(PUBLIC_EVENT_TYPES as readonly string[]).includes(type))
    throw new Error(`${type} is not a public webhook event`);
  return type as PublicEventType;
};

/**
 * An event's `id`, sent as `webhook-id`: the same on every retry and redelivery, and unique across
 * every tenant and dossier. An outbox item's own id is unique only within its dossier (a deadline
 * alarm's is `alarm#<type>#<due instant>`, the same for two dossiers due at the same instant), so a
 * receiver deduplicating on it would drop the second dossier's alarm: the tenant and the dossier
 * code lead it.
 */
export const webhookEventId = (tenant: string, dossierCode: string, outboxId: string): string =>
  `${tenant}#${dossierCode}#${outboxId}`;

export function webhookEvent(item: OutboxItem, receiver: WebhookReceiver): WebhookEnvelope {
  const type = publicType(item.type);
  const { version } = WEBHOOK_EVENTS[type];
  const sees = disclosure(receiver);
  const applicant =
    sees.applicant && receiver.dossier
      ? {
          applicant: { name: receiver.dossier.applicant.name, idNumber: receiver.dossier.applicant.idNumber },
        }
      : {};

  if (isAlarmType(type)) {
    const p = alarmItem.parse(item.payload);
    if (type === 'step.overdue' && !p.step) throw new Error(`${item.id}: a step alarm without its step`);
    return {
      id: webhookEventId(p.tenant, p.code, item.id),
      type,
      version,
      time: item.occurredAt,
      tenant: p.tenant,
      agency: type === 'step.overdue' && p.step ? p.step.agency : p.competentAgency,
      dossierCode: p.code,
      sequence: alarmSequence(p.version, type),
      data: {
        ...state(p),
        dueAt: p.dueAt,
        ...(type === 'step.overdue' && p.step ? { step: p.step } : {}),
        ...applicant,
      },
    };
  }

  const p = historyItem.parse(item.payload);
  const handoff = p.handoff && {
    ...p.handoff,
    fromPerson: sees.staff ? p.handoff.fromPerson : undefined,
    toPerson: sees.staff ? p.handoff.toPerson : undefined,
  };
  return {
    id: webhookEventId(p.tenant, p.code, item.id),
    type,
    version,
    time: p.at,
    tenant: p.tenant,
    agency: p.agency,
    dossierCode: p.code,
    sequence: historySequence(p.version, p.position),
    data: {
      ...state(p),
      ...(sees.staff ? { actor: p.actor } : {}),
      ...(handoff ? { handoff: dropUndefined(handoff) } : {}),
      ...applicant,
    },
  };
}

function state(p: z.output<typeof historyItem> | z.output<typeof alarmItem>) {
  return {
    status: p.status,
    procedureCode: p.procedure,
    receivingAgency: p.receivingAgency,
    competentAgency: p.competentAgency,
    currentStep: p.currentStep,
    appointmentAt: p.appointmentAt,
  };
}

const dropUndefined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * One example delivery per public type, made by the projection itself from a made-up outbox item
 * (a land transfer received at a commune counter, processed at the land office): the examples in
 * docs/events.md and the OpenAPI document are what ./project.ts really produces, and a test
 * parses each against its schema.
 */
import type { DossierStatus } from '../lifecycle/statuses';
import { isAlarmType, PUBLIC_EVENT_TYPES, type PublicEventType, type WebhookEnvelope } from './events';
import { webhookEvent, type DossierFacts, type OutboxItem } from './project';

const COMMUNE = '000.30.01.H99';
const LAND_OFFICE = '000.08.21.H99';
const CODE = `${COMMUNE}-260302-0001`;
const AT = '2026-03-03T10:00:00.000+07:00';
const APPOINTMENT = '2026-03-16T17:00:00.000+07:00';

export const EXAMPLE_DOSSIER: DossierFacts = {
  applicant: { name: 'Trần Thị Bình', idNumber: '001199000111' },
  receivingAgency: COMMUNE,
  competentAgency: LAND_OFFICE,
  steps: [{ agency: COMMUNE }, { agency: LAND_OFFICE }],
};

/** The status each example leaves the dossier in. */
const STATUS: Record<PublicEventType, DossierStatus> = {
  'dossier.submitted': 'submitted',
  'dossier.received': 'received',
  'dossier.supplement_requested': 'supplementRequested',
  'dossier.refused': 'refused',
  'dossier.resubmitted': 'submitted',
  'dossier.assigned': 'received',
  'dossier.forwarded': 'inProgress',
  'dossier.sent_back': 'inProgress',
  'dossier.paused': 'paused',
  'dossier.resumed': 'inProgress',
  'dossier.approved': 'approved',
  'dossier.signed': 'signed',
  'dossier.apologized': 'inProgress',
  'dossier.result_ready': 'resultReady',
  'dossier.returned': 'returned',
  'dossier.withdrawn': 'withdrawn',
  'dossier.evaluated': 'returned',
  'dossier.due_soon': 'inProgress',
  'dossier.overdue': 'inProgress',
  'step.overdue': 'inProgress',
};

const BEFORE_RECEPTION = new Set<DossierStatus>(['submitted', 'supplementRequested', 'refused']);
const FINISHED = new Set<DossierStatus>(['refused', 'returned', 'withdrawn']);

export function exampleOutboxItem(type: PublicEventType): OutboxItem {
  const status = STATUS[type];
  const state = {
    tenant: 'demo',
    code: CODE,
    status,
    procedure: '1.004227',
    receivingAgency: COMMUNE,
    competentAgency: LAND_OFFICE,
    currentStep: BEFORE_RECEPTION.has(status) || FINISHED.has(status) ? null : 1,
    appointmentAt: BEFORE_RECEPTION.has(status) ? null : APPOINTMENT,
    version: 4,
  };
  if (isAlarmType(type)) {
    const step = { index: 1, name: 'Thẩm định hồ sơ', agency: LAND_OFFICE, role: 'specialist' };
    const dueAt = type === 'step.overdue' ? '2026-03-10T17:00:00.000+07:00' : APPOINTMENT;
    return {
      // The clock's fixed alarm id (../lifecycle/deadlines.ts), as recordAlarm writes it.
      id: type === 'step.overdue' ? `alarm#${type}#${step.index}#${dueAt}` : `alarm#${type}#${dueAt}`,
      type,
      occurredAt: '2026-03-13T15:00:00.000+07:00',
      payload: {
        ...state,
        type,
        dueAt,
        ...(type === 'step.overdue' ? { step } : {}),
      },
    };
  }
  const atCounter =
    BEFORE_RECEPTION.has(status) ||
    ['dossier.forwarded', 'dossier.withdrawn', 'dossier.returned', 'dossier.evaluated'].includes(type);
  return {
    id: `2026-03-03T03:00:00.000Z#${type}#0b7d3f4e-5c1a-4d2e-9f8a-1b2c3d4e5f60`,
    type,
    occurredAt: '2026-03-03T03:00:00.000Z',
    payload: {
      ...state,
      position: 0,
      at: AT,
      actor: atCounter ? 'tiepnhan.binhthanh' : 'chuyenvien.datdai',
      agency: atCounter ? COMMUNE : LAND_OFFICE,
      ...(type === 'dossier.forwarded'
        ? {
            handoff: {
              fromAgency: COMMUNE,
              fromPerson: 'tiepnhan.binhthanh',
              toAgency: LAND_OFFICE,
              stepIndex: 0,
              stepName: 'Tiếp nhận, chuyển hồ sơ',
              allowance: { workingDays: 1 },
              stepStartedAt: '2026-03-02T10:00:00.000+07:00',
              stepDueAt: '2026-03-03T10:00:00.000+07:00',
              timeliness: 'onTime',
            },
          }
        : {}),
    },
  };
}

/** What a processing subscription of the land office (on the route) receives for each type. */
export const WEBHOOK_EXAMPLES = Object.fromEntries(
  PUBLIC_EVENT_TYPES.map((t) => [
    t,
    webhookEvent(exampleOutboxItem(t), {
      purpose: 'processing',
      receiverAgency: LAND_OFFICE,
      dossier: EXAMPLE_DOSSIER,
    }),
  ]),
) as Readonly<Record<PublicEventType, WebhookEnvelope>>;

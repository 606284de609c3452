/**
 * The outbox events a change announces: one per history line, plus `dossier.deadlines_changed`
 * whenever a due time moved, which (re)starts the dossier's deadline clock.
 */
import { DEADLINES_CHANGED, OUTBOX_TYPES } from '../lifecycle/events';
import type { Dossier, DossierEvent } from './model';

export interface OutboxMessage {
  type: string;
  payload: Record<string, unknown>;
  /** A fixed id makes the write happen at most once (deadline events re-fired after a restart). */
  id?: string;
}

export function outboxFor(
  previousClockVersion: number,
  dossier: Dossier,
  events: readonly DossierEvent[],
): OutboxMessage[] {
  const base = {
    status: dossier.status,
    procedure: dossier.procedure.code,
    receivingAgency: dossier.receivingAgency,
    competentAgency: dossier.competentAgency,
    currentStep: dossier.currentStep,
    appointmentAt: dossier.appointmentAt,
  };
  const messages: OutboxMessage[] = events.map((e) => ({
    type: OUTBOX_TYPES[e.type],
    payload: {
      ...base,
      at: e.at,
      actor: e.actor,
      agency: e.agency,
      ...(e.handoff ? { handoff: e.handoff } : {}),
    },
  }));
  if (dossier.clockVersion !== previousClockVersion) {
    messages.push({ type: DEADLINES_CHANGED, payload: { ...base, clockVersion: dossier.clockVersion } });
  }
  return messages;
}

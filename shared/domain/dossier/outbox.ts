/**
 * The outbox events a change announces: one per history line, plus `dossier.deadlines_changed`
 * whenever a due time moved, which (re)starts the dossier's deadline clock. Each carries its
 * `position` in the change: with the dossier's version it orders one dossier's events for webhook
 * receivers (shared/domain/webhooks/sequence.ts), since one change can announce two (a counter's
 * immediate decision: submitted, then received).
 */
import { DEADLINES_CHANGED, OUTBOX_TYPES } from '../lifecycle/events';
import type { Dossier, DossierEvent } from './model';
import { dossierStateOf } from './state';

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
  const base = dossierStateOf(dossier);
  const messages: OutboxMessage[] = events.map((e, position) => ({
    type: OUTBOX_TYPES[e.type],
    payload: {
      ...base,
      position,
      at: e.at,
      actor: e.actor,
      agency: e.agency,
      ...(e.handoff ? { handoff: e.handoff } : {}),
    },
  }));
  if (dossier.clockVersion !== previousClockVersion) {
    messages.push({
      type: DEADLINES_CHANGED,
      payload: { ...base, position: events.length, clockVersion: dossier.clockVersion },
    });
  }
  return messages;
}

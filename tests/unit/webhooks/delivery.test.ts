/**
 * The delivery rules (shared/domain/webhooks/delivery.ts): who receives which dossier's events,
 * the path-safe stable delivery id, the bounded attempt log, and what an attempt leads to.
 */
import {
  appendAttempt,
  attemptError,
  deliveryIdOf,
  DELIVERY_ID_PATTERN,
  isFinished,
  MAX_LOGGED_ATTEMPTS,
  needsDossier,
  outcomeOf,
  receivesDossierEvent,
} from '../../../shared/domain/webhooks/delivery';
import { RETRY_WINDOW_MS } from '../../../shared/domain/webhooks/retry-schedule';

const route = {
  applicant: { name: 'A', idNumber: '1' },
  receivingAgency: 'COMMUNE',
  competentAgency: 'LAND',
  steps: [{ agency: 'COMMUNE' }, { agency: 'LAND' }, { agency: 'TAX' }],
};

describe('receivesDossierEvent (isolation between agencies)', () => {
  it.each([
    ['COMMUNE', true],
    ['LAND', true],
    ['TAX', true],
    ['JUSTICE', false],
  ])('a processing subscription of %s: %s', (agency, expected) => {
    expect(receivesDossierEvent({ purpose: 'processing', agency }, route)).toBe(expected);
  });

  it('a statistics subscription receives every dossier of its tenant, even without the route', () => {
    expect(receivesDossierEvent({ purpose: 'statistics', agency: 'JUSTICE' }, route)).toBe(true);
    expect(receivesDossierEvent({ purpose: 'statistics', agency: 'JUSTICE' }, undefined)).toBe(true);
  });

  it('a processing subscription receives nothing when the dossier could not be read', () => {
    expect(receivesDossierEvent({ purpose: 'processing', agency: 'COMMUNE' }, undefined)).toBe(false);
  });

  it('the dossier is read only when a processing subscription is among them', () => {
    expect(needsDossier([{ purpose: 'statistics' }])).toBe(false);
    expect(needsDossier([{ purpose: 'statistics' }, { purpose: 'processing' }])).toBe(true);
  });
});

describe('deliveryIdOf', () => {
  const event = {
    id: '2026-12-01T02:30:00.123Z#dossier.received#x',
    code: 'C-1',
    occurredAt: '2026-12-01T02:30:00.123Z',
  };

  it('is path-safe, stable, and begins with the event instant so the log sorts by it', () => {
    const id = deliveryIdOf(event);
    expect(id).toMatch(DELIVERY_ID_PATTERN);
    expect(id.startsWith('20261201T023000123Z-')).toBe(true);
    expect(deliveryIdOf(event)).toBe(id);
    expect(encodeURIComponent(id)).toBe(id);
  });

  it('differs for the same event id in another dossier (alarm ids repeat across dossiers)', () => {
    expect(deliveryIdOf({ ...event, code: 'C-2' })).not.toBe(deliveryIdOf(event));
  });
});

describe('attempt log and outcomes', () => {
  it('keeps the newest attempts only', () => {
    let log = appendAttempt([], { at: 0, latencyMs: 1 });
    for (let i = 1; i < 30; i++) log = appendAttempt(log, { at: i, latencyMs: 1 });
    expect(log).toHaveLength(MAX_LOGGED_ATTEMPTS);
    expect(log[0].at).toBe(30 - MAX_LOGGED_ATTEMPTS);
  });

  it('names the error: the transport error, or http-<status> for a non-2xx answer', () => {
    expect(attemptError({ error: 'ECONNREFUSED' })).toBe('ECONNREFUSED');
    expect(attemptError({ status: 500 })).toBe('http-500');
    expect(attemptError({ status: 204 })).toBeUndefined();
  });

  it('2xx delivered, 410 gone, a failure retries on the schedule, after three days dead', () => {
    const t0 = 1_800_000_000_000;
    expect(outcomeOf({ kind: 'delivered' }, 1, t0, t0)).toEqual({ status: 'delivered' });
    expect(outcomeOf({ kind: 'disable', reason: 'gone' }, 1, t0, t0)).toEqual({ status: 'gone' });
    expect(
      outcomeOf({ kind: 'retry', reason: 'server-error' }, 1, t0, t0, undefined, { random: () => 0.5 }),
    ).toEqual({
      status: 'failed',
      retryInMs: 5000,
    });
    expect(
      outcomeOf({ kind: 'retry', reason: 'no-response' }, 2, t0, t0, undefined, { random: () => 0.5 }),
    ).toEqual({
      status: 'failed',
      retryInMs: 300_000,
    });
    expect(outcomeOf({ kind: 'retry', reason: 'no-response' }, 14, t0, t0 + RETRY_WINDOW_MS)).toEqual({
      status: 'dead',
    });
    expect(['pending', 'failed'].map((s) => isFinished(s as 'pending'))).toEqual([false, false]);
    expect(['delivered', 'gone', 'dead', 'skipped'].every((s) => isFinished(s as 'dead'))).toBe(true);
  });
});

import {
  classifyAttempt,
  endpointFailingSince,
  MAX_DELAY_MS,
  nextAttemptDelay,
  parseRetryAfter,
  shouldDisableFailingEndpoint,
} from '../../../shared/domain/webhooks/retry-schedule';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const t0 = Date.parse('2026-12-01T00:00:00Z');
const middle = { random: () => 0.5 };

describe('nextAttemptDelay', () => {
  it('follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h … with no jitter at the middle', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => nextAttemptDelay(n, t0, t0 + S, undefined, middle));
    expect(delays).toEqual([5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H, 10 * H]);
  });

  it('jitters each delay by ±20 % from the injected random', () => {
    expect(nextAttemptDelay(3, t0, t0, undefined, { random: () => 0 })).toBe(24 * M);
    expect(nextAttemptDelay(3, t0, t0, undefined, { random: () => 0.999999 })).toBeCloseTo(36 * M, -2);
    for (let i = 0; i < 50; i++) {
      const delay = nextAttemptDelay(2, t0, t0) as number;
      expect(delay).toBeGreaterThanOrEqual(4 * M);
      expect(delay).toBeLessThanOrEqual(6 * M);
    }
  });

  it('keeps retrying until three days have passed since the first attempt, then gives up', () => {
    expect(nextAttemptDelay(12, t0, t0 + 3 * D - 1, undefined, middle)).toBe(10 * H);
    expect(nextAttemptDelay(12, t0, t0 + 3 * D, undefined, middle)).toBe('give-up');
  });

  it('walking the schedule covers at least three days in a bounded number of attempts', () => {
    let now = t0;
    let attempt = 1;
    for (;;) {
      const delay = nextAttemptDelay(attempt, t0, now, undefined, middle);
      if (delay === 'give-up') break;
      now += delay;
      attempt += 1;
    }
    expect(now - t0).toBeGreaterThanOrEqual(3 * D);
    expect(attempt).toBe(13);
  });

  it('honours a longer Retry-After, not a shorter one, and caps it at 12 h', () => {
    expect(nextAttemptDelay(1, t0, t0, 60 * S, middle)).toBe(60 * S);
    expect(nextAttemptDelay(3, t0, t0, 60 * S, middle)).toBe(30 * M);
    expect(nextAttemptDelay(1, t0, t0, 2 * D, middle)).toBe(MAX_DELAY_MS);
  });

  it('counts attempts from 1', () => {
    expect(() => nextAttemptDelay(0, t0, t0)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T08:00:00Z');
  it('reads delta-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120 * S);
    expect(parseRetryAfter('Tue, 01 Dec 2026 08:10:00 GMT', now)).toBe(10 * M);
  });
  it('ignores what is absent, malformed or past', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('Tue, 01 Dec 2026 07:00:00 GMT', now)).toBeUndefined();
  });
});

describe('classifyAttempt', () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [410, 'disable'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'retry'],
    [401, 'retry'],
    [404, 'retry'],
    [301, 'retry'],
  ])('%i → %s', (status, kind) => {
    expect(classifyAttempt({ status }).kind).toBe(kind);
  });
  it('retries when there was no answer (timeout, refused)', () => {
    expect(classifyAttempt({})).toEqual({ kind: 'retry', reason: 'no-response' });
  });
});

describe('failing endpoints', () => {
  it('remembers the first failure of a run and clears it on a delivery', () => {
    const failed = classifyAttempt({ status: 500 });
    const first = endpointFailingSince(undefined, failed, t0);
    expect(first).toBe(t0);
    expect(endpointFailingSince(first, failed, t0 + D)).toBe(t0);
    expect(endpointFailingSince(first, classifyAttempt({ status: 200 }), t0 + D)).toBeUndefined();
  });
  it('disables after five days of nothing but failures', () => {
    expect(shouldDisableFailingEndpoint(undefined, t0)).toBe(false);
    expect(shouldDisableFailingEndpoint(t0, t0 + 5 * D - 1)).toBe(false);
    expect(shouldDisableFailingEndpoint(t0, t0 + 5 * D)).toBe(true);
  });
});

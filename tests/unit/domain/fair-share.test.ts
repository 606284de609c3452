import {
  admissionConditions,
  admit,
  retryAfterSeconds,
  tokensLeft,
  type BucketLimit,
} from '../../../shared/domain/fair-share/token-bucket';
import { DEFAULT_LIMITS, clientKey, limitsFrom, planLimit } from '../../../shared/domain/fair-share/limits';

const T0 = 1_800_000_000_000;
const limit: BucketLimit = { ratePerSecond: 2, burst: 4 }; // a token every 500 ms, four at once

/** Runs `admit` for requests at the given offsets from T0, carrying the TAT as a store would. */
function run(offsets: number[], l = limit, start?: number) {
  let tat = start;
  return offsets.map((at) => {
    const verdict = admit(tat, T0 + at, l);
    if (verdict.allowed) tat = verdict.tat;
    return verdict;
  });
}

describe('domain/fair-share token bucket (GCRA)', () => {
  it('admits a full burst at once from a fresh bucket, then refuses', () => {
    const verdicts = run([0, 0, 0, 0, 0]);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, false]);
    expect(verdicts[4]!.retryAfterSeconds).toBe(1);
  });

  it('refills one token per interval: after 500 ms one more request, not two', () => {
    const verdicts = run([0, 0, 0, 0, 500, 500, 1000]);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false, true]);
  });

  it('admits the steady rate forever and never more', () => {
    const steady = run(Array.from({ length: 40 }, (_, i) => i * 500));
    expect(steady.every((v) => v.allowed)).toBe(true);
    const faster = run(Array.from({ length: 40 }, (_, i) => i * 400));
    // 4 of burst, then one per 500 ms over 15.6 s: about 4 + 31 admitted, the rest refused.
    const admitted = faster.filter((v) => v.allowed).length;
    expect(admitted).toBeGreaterThanOrEqual(34);
    expect(admitted).toBeLessThanOrEqual(36);
  });

  it('caps a refill at the burst: a long quiet spell gives no more than `burst` at once', () => {
    const verdicts = run([0, 60_000, 60_000, 60_000, 60_000, 60_000]);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false]);
    expect(tokensLeft(undefined, T0, limit)).toBe(4);
  });

  it('rounds Retry-After up to whole seconds, at least 1, at most one interval rounded up', () => {
    const slow: BucketLimit = { ratePerSecond: 0.1, burst: 1 }; // one token per 10 s
    expect(retryAfterSeconds(1, slow)).toBe(1);
    expect(retryAfterSeconds(1000, slow)).toBe(1);
    expect(retryAfterSeconds(1001, slow)).toBe(2);
    expect(retryAfterSeconds(9_999, slow)).toBe(10);
    expect(retryAfterSeconds(0, slow)).toBe(1);
    expect(retryAfterSeconds(60_000, slow)).toBe(10);
    // A refused client that waits the Retry-After it got is admitted.
    const [first, second] = run([0, 3_000], slow);
    expect(first!.allowed).toBe(true);
    expect(second).toMatchObject({ allowed: false, retryAfterSeconds: 7 });
    expect(admit(first!.tat, T0 + 3_000 + 7_000, slow).allowed).toBe(true);
    expect(admit(first!.tat, T0 + 3_000 + 6_000, slow).allowed).toBe(false);
  });

  it('clock skew: a TAT written by a clock far ahead refuses for one interval at most, not the skew', () => {
    const farAhead = T0 + 3_600_000; // a writer an hour fast
    const verdict = admit(farAhead, T0, limit);
    expect(verdict).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    // A TAT behind now (a slow writer, or a bucket idle since) is a full bucket, not a bigger one.
    expect(run([0, 0, 0, 0, 0], limit, T0 - 3_600_000).map((v) => v.allowed)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('the store conditions agree with admit: busy while the TAT is within busyMax, idle once it is past', () => {
    const c = admissionConditions(T0, limit);
    expect(c.interval).toBe(500);
    // TAT at busyMax: one more fits exactly (TAT + interval - now = tolerance).
    expect(admit(c.busyMax, T0, limit).allowed).toBe(true);
    expect(admit(c.busyMax + 1, T0, limit).allowed).toBe(false);
    expect(admit(T0, T0, limit).tat).toBe(c.idleTat);
  });
});

describe('domain/fair-share limits', () => {
  it('takes a tenant plan’s limit, the standard plan for a tenant without a record', () => {
    expect(planLimit(DEFAULT_LIMITS, 'enterprise')).toBe(DEFAULT_LIMITS.plans.enterprise);
    expect(planLimit(DEFAULT_LIMITS, undefined)).toBe(DEFAULT_LIMITS.plans.standard);
  });

  it('reads configuration over the defaults and refuses anything it does not understand', () => {
    expect(limitsFrom(undefined)).toBe(DEFAULT_LIMITS);
    const given = limitsFrom(
      '{"trial":{"ratePerSecond":1,"burst":3},"publicClient":{"ratePerSecond":0.5,"burst":2}}',
    );
    expect(given.plans.trial).toEqual({ ratePerSecond: 1, burst: 3 });
    expect(given.plans.standard).toEqual(DEFAULT_LIMITS.plans.standard);
    expect(given.publicClient).toEqual({ ratePerSecond: 0.5, burst: 2 });
    expect(() => limitsFrom('{"gold":{"ratePerSecond":1,"burst":1}}')).toThrow(/not a plan/);
    expect(() => limitsFrom('{"trial":{"ratePerSecond":0,"burst":1}}')).toThrow(/ratePerSecond/);
    expect(() => limitsFrom('{"trial":{"ratePerSecond":1}}')).toThrow(/burst/);
    expect(() => limitsFrom('not json')).toThrow();
  });

  it('counts a public client by its IPv4 address, by its IPv6 /64, an IPv4-mapped address as its IPv4', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64');
    expect(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(clientKey('2001:db8:1:2::ffff'));
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientKey('::ffff:198.51.100.9')).toBe('198.51.100.9');
    expect(clientKey('64:ff9b::192.0.2.1')).toBe('0064:ff9b:0000:0000::/64');
    expect(clientKey('fe80::1%eth0')).toBe('unknown');
    expect(clientKey(undefined)).toBe('unknown');
    expect(clientKey('1:2:3:4:5:6:7:8:9')).toBe('unknown');
  });
});

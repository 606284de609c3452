/** Effective-dated procedure versions: which applies at an instant, and how a change is added. */
import {
  effectiveInstant,
  MAX_VERSIONS,
  startOfVnDay,
  upcomingAfter,
  versionAt,
  withVersion,
} from '../../../shared/domain/catalog/versions';

const v = (effectiveFrom: string, fee: number) => ({ effectiveFrom, definition: { fee } });

describe('domain/catalog versions', () => {
  const versions = [v('1970-01-01T00:00:00.000Z', 50000), v('2026-12-31T17:00:00.000Z', 80000)];

  it('applies the fee in force at the instant: the old one before 01/01/2027 (VN), the new one from then', () => {
    expect(versionAt(versions, new Date('2026-12-31T16:59:59.999Z'))?.definition.fee).toBe(50000);
    expect(versionAt(versions, startOfVnDay('2027-01-01'))?.definition.fee).toBe(80000);
    expect(upcomingAfter(versions, new Date('2026-12-01T00:00:00Z'))?.definition.fee).toBe(80000);
    expect(upcomingAfter(versions, new Date('2027-06-01T00:00:00Z'))).toBeUndefined();
  });

  it('starts a dated change at 00:00 in Vietnam, a change dated today now, and refuses a past day', () => {
    const now = new Date('2026-12-01T05:00:00Z'); // 12:00 on 01/12 in Vietnam
    expect(effectiveInstant('2027-01-01', now)?.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(effectiveInstant('2026-12-01', now)).toEqual(now);
    expect(effectiveInstant(undefined, now)).toEqual(now);
    expect(effectiveInstant('2026-11-30', now)).toBeUndefined();
  });

  it('keeps versions in order, replaces one at the same instant and keeps at most MAX_VERSIONS', () => {
    const added = withVersion(versions, v('2026-06-01T00:00:00.000Z', 60000));
    expect(added.map((x) => x.definition.fee)).toEqual([50000, 60000, 80000]);
    expect(withVersion(added, v('2026-06-01T00:00:00.000Z', 70000)).map((x) => x.definition.fee)).toEqual([
      50000, 70000, 80000,
    ]);
    let many = versions;
    for (let i = 0; i < 30; i++)
      many = withVersion(many, v(new Date(Date.UTC(2030, 0, 1 + i)).toISOString(), i));
    expect(many).toHaveLength(MAX_VERSIONS);
    expect(many[many.length - 1]!.definition.fee).toBe(29);
  });
});

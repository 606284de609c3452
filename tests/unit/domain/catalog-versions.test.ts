/**
 * Effective-dated procedure versions: which applies at an instant, how a change is added, and what
 * a dated change of fee and competence does to dossiers submitted before and after its date.
 */
import { submitDossier } from '../../../shared/api/schemas/dossier';
import type { Actor } from '../../../shared/domain/dossier/model';
import { decideReception, newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { calendarForTenant } from '../../../shared/usecases/tenant-calendar';
import { demoAgencies, demoTenant, procedureOf } from '../../fixtures/demo-province';
import {
  ALWAYS,
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

describe('a dated change of fee and competence, on dossiers', () => {
  const calendar = calendarForTenant(demoTenant);
  const counter: Actor = {
    subject: 's-2',
    username: 'tiepnhan.tinh',
    kind: 'staff',
    agency: '000.00.01.H99',
    roles: ['reception'],
  };
  const old = procedureOf('2.000488'); // Sở Tư pháp, 200.000 đồng
  const delegated = {
    ...old,
    competent: '000.07.20.H99',
    fee: 250000,
    steps: old.steps.map((s) => (s.agency === '000.05.20.H99' ? { ...s, agency: '000.07.20.H99' } : s)),
  };
  const versions = withVersion([{ effectiveFrom: ALWAYS, definition: old }], {
    effectiveFrom: startOfVnDay('2027-01-01').toISOString(),
    definition: delegated,
  });
  /** What reception does: the version in force at the submission, placed and recorded. */
  const submittedAt = (now: Date) => {
    const procedure = versionAt(versions, now)!.definition;
    const submission = submitDossier.parse({
      procedureCode: '2.000488',
      channel: 'counter',
      applicant: {
        name: 'Lê Thị Hoa',
        idNumber: '001190000777',
        phone: '0903000777',
        address: 'Xã Bình Thành',
      },
      request: 'Cấp phiếu lý lịch tư pháp số 1',
    });
    return newDossier({
      tenant: 'demo',
      code: '000.00.01.H99-261231-0001',
      ledgerNumber: 1,
      submission,
      procedure,
      placement: placeSubmission(submission, procedure, counter, demoAgencies),
      actor: counter,
      now,
      calendar,
    }).dossier;
  };

  it('does not apply to a dossier submitted the evening before, and applies from 00:00 of its date', () => {
    const before = submittedAt(new Date('2026-12-31T23:59:00+07:00'));
    expect(before).toMatchObject({ competentAgency: '000.05.20.H99', fee: { amount: 200000 } });
    const after = submittedAt(new Date('2027-01-01T00:00:00+07:00'));
    expect(after).toMatchObject({ competentAgency: '000.07.20.H99', fee: { amount: 250000 } });
  });

  it('plans the earlier dossier under its own version when its reception is decided after the change', () => {
    const before = submittedAt(new Date('2026-12-31T16:00:00+07:00'));
    // As the reception use case does: the version at the dossier's submission, not at the decision.
    const procedure = versionAt(versions, new Date(before.submittedAt))!.definition;
    const { dossier } = decideReception(
      before,
      { outcome: 'accept' },
      procedure,
      counter,
      new Date('2027-01-04T09:00:00+07:00'),
      calendar,
    );
    expect(dossier.steps.map((s) => s.agency)).toEqual([
      '000.00.01.H99',
      '000.05.20.H99',
      '000.05.20.H99',
      '000.00.01.H99',
    ]);
  });
});

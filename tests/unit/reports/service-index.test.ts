/**
 * The service index formulas (issue 12 §4) on hand-computed cases: each group's points stay within
 * 0..max, the groups sum to 100 at most, and missing inputs score 0 and are named.
 */
import { readFileSync } from 'node:fs';
import { renderIndexBlock, REPORTS_DOC } from '../../../tools/reports-doc';
import {
  computeServiceIndex,
  INDICATOR_KEYS,
  SERVICE_INDEX_GROUP_KEYS,
  SERVICE_INDEX_GROUPS,
  SERVICE_INDEX_INDICATORS,
  zeroFigures,
  type Figures,
  type ServiceIndex,
} from '../../../shared/domain/reports';

const figures = (f: Partial<Figures>): Figures => ({ ...zeroFigures(), ...f });
const group = (index: ServiceIndex, g: string) => index.groups.find((x) => x.group === g)!;
const indicator = (index: ServiceIndex, k: string) =>
  index.groups.flatMap((g) => g.indicators).find((i) => i.key === k)!;

const ALL_INPUTS = {
  proceduresPublished: 10,
  feedbackReceived: 4,
  feedbackHandledOnTime: 3,
  paymentsDue: 50,
  paymentsOnline: 20,
  dossiersDigitised: 30,
  resultsDigitised: 40,
};
const CATALOG = { procedures: 10, proceduresFullyOnline: 4 };
// 100 received (25 online), 80 resolved (60 early, 12 on time, 8 late), 20 pending of which 5 overdue.
const YEAR = figures({
  received: 100,
  receivedOnline: 25,
  receivedCounter: 75,
  resolvedEarly: 60,
  resolvedOnTime: 12,
  resolvedLate: 8,
  pending: 20,
  pendingOverdue: 5,
  pendingWithinDeadline: 15,
  becameOverdue: 10,
  apologies: 5,
  evaluationsVeryGood: 6,
  evaluationsGood: 2,
  evaluationsFair: 2,
  evaluationsPoor: 0,
});

describe('service index (Decision 766/2022)', () => {
  it('the groups are the decision’s six with their maximum points, 100 in all, and indicators sum to them', () => {
    expect(SERVICE_INDEX_GROUP_KEYS.map((g) => SERVICE_INDEX_GROUPS[g].max)).toEqual([
      18, 20, 12, 10, 22, 18,
    ]);
    for (const g of SERVICE_INDEX_GROUP_KEYS) {
      const points = INDICATOR_KEYS.filter((k) => SERVICE_INDEX_INDICATORS[k].group === g).reduce(
        (s, k) => s + SERVICE_INDEX_INDICATORS[k].points,
        0,
      );
      expect([g, points]).toEqual([g, SERVICE_INDEX_GROUPS[g].max]);
    }
  });

  it('computes a hand-worked year', () => {
    const index = computeServiceIndex(YEAR, ALL_INPUTS, CATALOG);
    // publicity: 6 × 10/10 + 6 × 1 + 6 × 3/4 = 16.5
    expect(group(index, 'publicity').points).toBe(16.5);
    // progress: 12 × 72/80 = 10.8; 4 × 15/20 = 3; 4 × 5/10 = 2 → 15.8
    expect(group(index, 'progress').points).toBe(15.8);
    // online: 6 × 4/10 = 2.4; 6 × 25/100 = 1.5 → 3.9
    expect(group(index, 'online').points).toBe(3.9);
    // payment: 10 × 20/50 = 4
    expect(group(index, 'payment').points).toBe(4);
    // digitisation: 11 × max(30, 25)/100 = 3.3; 11 × 40/80 = 5.5 → 8.8
    expect(group(index, 'digitisation').points).toBe(8.8);
    // satisfaction: 18 × (6 + 2 + 0.5 × 2)/10 = 16.2
    expect(group(index, 'satisfaction').points).toBe(16.2);
    expect(index.total).toBe(65.2);
    expect(indicator(index, 'resolvedOnTime')).toMatchObject({ ratio: 0.9, points: 10.8, missing: [] });
  });

  it('targets and the neutral rating’s weight are settings', () => {
    const index = computeServiceIndex(YEAR, ALL_INPUTS, CATALOG, {
      targets: { receivedOnline: 0.5, paidOnline: 0.4 },
      fairWeight: 0,
    });
    // 25% online against a 50% target: half the points; 40% paid online meets a 40% target.
    expect(indicator(index, 'receivedOnline').points).toBe(3);
    expect(indicator(index, 'paidOnline').points).toBe(10);
    expect(indicator(index, 'satisfied').points).toBe(14.4);
  });

  it('missing inputs score 0 and are named; nothing to fail scores full; no rating scores 0', () => {
    const index = computeServiceIndex(figures({}), {}, { procedures: 0, proceduresFullyOnline: 0 });
    expect(indicator(index, 'paidOnline')).toMatchObject({
      points: 0,
      ratio: null,
      missing: ['paymentsDue', 'paymentsOnline'],
    });
    expect(indicator(index, 'proceduresPublished')).toMatchObject({
      points: 0,
      missing: ['proceduresPublished'],
    });
    expect(indicator(index, 'satisfied')).toMatchObject({ points: 0, missing: ['evaluations'] });
    // No dossier resolved late, no overdue, no procedures: nothing failed.
    expect(indicator(index, 'resolvedOnTime').points).toBe(12);
    expect(indicator(index, 'apologised').points).toBe(4);
    expect(index.total).toBe(6 + 12 + 4 + 4 + 6 + 6);
  });

  it('every group stays within 0..max and every ratio within 0..1, whatever the figures and inputs', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 300; i++) {
      const f = figures({
        received: rnd(50),
        receivedOnline: rnd(80),
        resolvedEarly: rnd(30),
        resolvedOnTime: rnd(30),
        resolvedLate: rnd(30),
        pending: rnd(20),
        pendingWithinDeadline: rnd(30),
        becameOverdue: rnd(5),
        apologies: rnd(9),
        evaluationsFair: rnd(4),
        evaluationsPoor: rnd(4),
      });
      const inputs = Object.fromEntries(
        Object.keys(ALL_INPUTS)
          .filter(() => rnd(3) > 0)
          .map((k) => [k, rnd(200)]),
      );
      const index = computeServiceIndex(
        f,
        inputs,
        { procedures: rnd(20), proceduresFullyOnline: rnd(25) },
        {
          targets: { resolvedOnTime: 0.01 + rnd(100) / 100 },
          fairWeight: rnd(2) / 2,
        },
      );
      for (const g of index.groups) {
        expect(g.points).toBeGreaterThanOrEqual(0);
        expect(g.points).toBeLessThanOrEqual(g.max);
        for (const indicator of g.indicators) {
          // An input above its denominator (more digitised results than resolved) is capped at 1.
          if (indicator.ratio !== null) expect(indicator.ratio).toBeGreaterThanOrEqual(0);
          if (indicator.ratio !== null) expect(indicator.ratio).toBeLessThanOrEqual(1);
        }
      }
      expect(index.total).toBeLessThanOrEqual(100);
    }
  });
});

describe('docs/reports.md', () => {
  it('shows the index table generated from the definitions (npm run docs:reports)', () => {
    expect(readFileSync(REPORTS_DOC, 'utf8')).toContain(renderIndexBlock());
  });
});

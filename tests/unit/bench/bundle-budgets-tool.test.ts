/**
 * `npm run budgets` writes each budget by the rule of shared/api/bundle-budgets.ts: the measured
 * size plus at least 25 KB, rounded up to 25 KB, and no budget line at all within the default.
 */
import { budgetFor } from '../../../tools/bundle-budgets';
import { DEFAULT_BUNDLE_BUDGET_KB } from '../../../shared/api/bundle-budgets';

const KB = 1024;

describe('budgetFor', () => {
  test('a bundle within the default gets no budget line', () => {
    expect(budgetFor(DEFAULT_BUNDLE_BUDGET_KB * KB)).toBeUndefined();
    expect(budgetFor(396 * KB)).toBeUndefined();
  });

  test('above the default: measured plus 25 KB, rounded up to 25 KB, with the measured size', () => {
    expect(budgetFor(689 * KB)).toEqual({ kb: 725, measuredKb: 689 });
    expect(budgetFor(700 * KB)).toEqual({ kb: 725, measuredKb: 700 });
    expect(budgetFor(700 * KB + 1)).toEqual({ kb: 750, measuredKb: 700 });
    expect(budgetFor(DEFAULT_BUNDLE_BUDGET_KB * KB + 1)).toEqual({ kb: 450, measuredKb: 420 });
  });
});

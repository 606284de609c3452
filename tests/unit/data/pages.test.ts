import { collectPages } from '../../../shared/data/pages';

describe('data/pages', () => {
  describe('collectPages', () => {
    const pages = [
      { Items: [1, 2], LastEvaluatedKey: { k: 'a' } },
      { Items: [3], LastEvaluatedKey: { k: 'b' } },
      { Items: [4, 5] },
    ];
    it('follows LastEvaluatedKey until the last page', async () => {
      const seen: unknown[] = [];
      const items = await collectPages(async (start) => {
        seen.push(start);
        return pages[seen.length - 1];
      });
      expect(items).toEqual([1, 2, 3, 4, 5]);
      expect(seen).toEqual([undefined, { k: 'a' }, { k: 'b' }]);
    });
    it('stops fetching once the limit is reached', async () => {
      let calls = 0;
      const items = await collectPages(async () => pages[calls++], 2);
      expect(items).toEqual([1, 2]);
      expect(calls).toBe(1);
    });
  });
});

import fc from 'fast-check';
import { newSortableId, SORTABLE_ID_PATTERN } from '../../../shared/domain/ids';

describe('domain/ids', () => {
  describe('SORTABLE_ID_PATTERN', () => {
    it('matches every id newSortableId makes, at any time', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date(0), max: new Date('2200-01-01'), noInvalidDate: true }), (d) =>
          SORTABLE_ID_PATTERN.test(newSortableId(d)),
        ),
      );
    });
    it('refuses what newSortableId never makes: other lengths, I L O U, lower case', () => {
      for (const id of [
        '01JZZZZZZZZZZZZZZZZZZZZZZ',
        '01JZZZZZZZZZZZZZZZZZZZZZZZZ',
        '01JIZZZZZZZZZZZZZZZZZZZZZZ',
        '01jzzzzzzzzzzzzzzzzzzzzzzz',
      ])
        expect(SORTABLE_ID_PATTERN.test(id)).toBe(false);
    });
  });
});

import { cancellationCodes, lostToConcurrentChange } from '../../../shared/data/transactions';

describe('data/transactions', () => {
  describe('cancellationCodes', () => {
    it("lists a cancelled transaction's reasons in item order", () => {
      const error = Object.assign(new Error('cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, {}],
      });
      expect(cancellationCodes(error)).toEqual(['None', 'ConditionalCheckFailed', 'None']);
    });

    it('says nothing about other errors', () => {
      expect(cancellationCodes(new Error('network'))).toBeUndefined();
      expect(cancellationCodes(undefined)).toBeUndefined();
    });
  });

  describe('lostToConcurrentChange', () => {
    const cancelled = (...codes: string[]) =>
      Object.assign(new Error('cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: codes.map((Code) => ({ Code })),
      });

    it('is true when the item failed its condition or collided with another transaction', () => {
      expect(lostToConcurrentChange(cancelled('ConditionalCheckFailed', 'None'), 0)).toBe(true);
      // Two actions on one dossier at the same moment: a 409 to reload, not a 500.
      expect(lostToConcurrentChange(cancelled('TransactionConflict', 'None'), 0)).toBe(true);
    });

    it('is false for another item, another reason or another error', () => {
      expect(lostToConcurrentChange(cancelled('None', 'TransactionConflict'), 0)).toBe(false);
      expect(lostToConcurrentChange(cancelled('ValidationError'), 0)).toBe(false);
      expect(lostToConcurrentChange(new Error('network'), 0)).toBe(false);
    });
  });
});

import { cancellationCodes } from '../../../shared/data/transactions';

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
});

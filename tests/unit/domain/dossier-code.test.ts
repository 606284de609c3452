import {
  formatDossierCode,
  MAX_DOSSIER_CODE_LENGTH,
  parseDossierCode,
} from '../../../shared/domain/dossier/code';

describe('domain/dossier/code', () => {
  describe('formatDossierCode', () => {
    it('uses the Vietnam-local date, not the UTC one, just after midnight in Hanoi', () => {
      // 2024-01-14T17:30Z is 00:30 on 15 Jan 2024 in Vietnam.
      expect(formatDossierCode('000.00.01.H29', new Date('2024-01-14T17:30:00Z'), 1)).toBe(
        '000.00.01.H29-240115-0001',
      );
    });
    it('pads to four digits and grows past 9999 instead of wrapping', () => {
      const at = new Date('2024-01-15T03:00:00Z');
      expect(formatDossierCode('000.00.01.H29', at, 42)).toBe('000.00.01.H29-240115-0042');
      expect(formatDossierCode('000.00.01.H29', at, 10000)).toBe('000.00.01.H29-240115-10000');
    });
    it('refuses a sequence that is not a positive integer', () => {
      expect(() => formatDossierCode('000.00.01.H29', new Date(), 0)).toThrow(RangeError);
    });
    it('stops at eight digits, so every code it makes is short enough for a key and a URL', () => {
      const at = new Date('2024-01-15T03:00:00Z');
      const longest = formatDossierCode('000.00.01.H29', at, 99_999_999);
      expect(longest).toHaveLength(MAX_DOSSIER_CODE_LENGTH);
      expect(parseDossierCode(longest)?.sequence).toBe(99_999_999);
      expect(() => formatDossierCode('000.00.01.H29', at, 100_000_000)).toThrow(RangeError);
    });
  });
  describe('parseDossierCode', () => {
    it('round-trips a formatted code', () => {
      expect(parseDossierCode('000.30.01.H99-270205-0123')).toEqual({
        agency: '000.30.01.H99',
        yymmdd: '270205',
        sequence: 123,
      });
      expect(parseDossierCode('not-a-code')).toBeUndefined();
    });
    it('refuses an unbounded sequence and a date that cannot be one', () => {
      expect(parseDossierCode(`000.30.01.H99-270205-${'1'.repeat(2000)}`)).toBeUndefined();
      expect(parseDossierCode('000.30.01.H99-270205-123456789')).toBeUndefined();
      expect(parseDossierCode('000.30.01.H99-271305-0001')).toBeUndefined();
      expect(parseDossierCode('000.30.01.H99-270200-0001')).toBeUndefined();
    });
  });
});

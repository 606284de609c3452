import { toYYMMDD } from '../vn-time';

/**
 * The daily sequence grows a digit past 9999 rather than wrapping, but not without end: eight
 * digits (99,999,999 dossiers a day at one counter) is far beyond any agency, and a bound keeps
 * every code short enough to be a DynamoDB key and a URL segment.
 */
export const MAX_SEQUENCE_DIGITS = 8;

/** `<agency code>-<YYMMDD>-<4 to 8 digits>`: the one definition the API schema reuses. */
export const DOSSIER_CODE_PATTERN =
  /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))-(\d{4,8})$/;
/** 13 + 1 + 6 + 1 + 8 characters. */
export const MAX_DOSSIER_CODE_LENGTH = 29;

/**
 * Dossier code `<receiving agency code>-<YYMMDD>-<daily sequence>` (e.g. `000.00.01.H29-240115-0001`). The sequence is
 * four digits and grows a digit past 9999 rather than wrapping, so a code never repeats.
 */
export function formatDossierCode(receivingAgency: string, receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || String(sequence).length > MAX_SEQUENCE_DIGITS)
    throw new RangeError(
      `sequence must be a positive integer of at most ${MAX_SEQUENCE_DIGITS} digits: ${sequence}`,
    );
  return `${receivingAgency}-${toYYMMDD(receivedAt)}-${String(sequence).padStart(4, '0')}`;
}

export function parseDossierCode(
  code: string,
): { agency: string; yymmdd: string; sequence: number } | undefined {
  const m = DOSSIER_CODE_PATTERN.exec(code);
  return m ? { agency: m[1], yymmdd: m[2], sequence: Number(m[3]) } : undefined;
}

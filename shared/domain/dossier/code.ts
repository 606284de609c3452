import { toYYMMDD } from '../vn-time';

/**
 * Dossier code `<receiving agency code>-<YYMMDD>-<daily sequence>` (e.g. `000.00.01.H29-240115-0001`). The sequence is
 * four digits and grows a digit past 9999 rather than wrapping, so a code never repeats.
 */
export function formatDossierCode(receivingAgency: string, receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer: ${sequence}`);
  return `${receivingAgency}-${toYYMMDD(receivedAt)}-${String(sequence).padStart(4, '0')}`;
}

const CODE_PATTERN = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4,})$/;

export function parseDossierCode(
  code: string,
): { agency: string; yymmdd: string; sequence: number } | undefined {
  const m = CODE_PATTERN.exec(code);
  return m ? { agency: m[1], yymmdd: m[2], sequence: Number(m[3]) } : undefined;
}

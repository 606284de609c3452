/**
 * "Every personal-data read in the integration tests appears in the audit log" (issue 11): a test
 * keeps the codes of the dossiers it read as staff and, at its end, asks the log for each.
 */
import { api, tokenFor, type RequestOptions } from './api';

const DAY_MS = 86_400_000;
/** The day a dossier was received, from its code (`<agency>-YYMMDD-NNNN`), as `YYYY-MM-DD`. */
function receivedDay(code: string): string {
  const yymmdd = /-(\d{6})-\d+$/.exec(code)?.[1];
  if (!yymmdd) throw new Error(`not a dossier code: ${code}`);
  return `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

type Found = Array<{ action: string; dossier?: string; actor: { username: string }; route: string }>;
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The audit records of one dossier, newest first, over `windows` periods of 92 days from its receipt
 * (a query spans at most 92 days; a test cloud's clock may run months past the receipt).
 */
export async function auditRecordsOf(
  code: string,
  options: Pick<RequestOptions, 'baseUrl' | 'token'> & { action?: string; windows?: number } = {},
): Promise<Found> {
  const action = options.action ? `&action=${options.action}` : '';
  const byWindow: Found[] = [];
  for (let w = 0; w < (options.windows ?? 1); w++) {
    const from = dayAfter(receivedDay(code), w * 92);
    const to = dayAfter(from, 91);
    const found: Found = [];
    let cursor = '';
    do {
      const res = await api.get(
        `/v1/audit?from=${from}&to=${to}&dossier=${code}${action}&limit=200${cursor}`,
        {
          token: options.token ?? tokenFor('quantri'),
          baseUrl: options.baseUrl,
        },
      );
      if (res.status !== 200) throw new Error(`GET /v1/audit: ${res.status} ${JSON.stringify(res.body)}`);
      found.push(...(res.body.items as Found));
      cursor = res.body.nextCursor ? `&cursor=${res.body.nextCursor}` : '';
    } while (cursor);
    byWindow.unshift(found);
  }
  return byWindow.flat();
}

/**
 * Asserts that each dossier read as staff has a `personalData.read` record, and, when `readers`
 * names who read it, one by each of them.
 */
export async function expectReadsAudited(
  reads: Iterable<string> | ReadonlyMap<string, Iterable<string>>,
  options: Pick<RequestOptions, 'baseUrl' | 'token'> = {},
): Promise<void> {
  const byCode: Array<[string, string[]]> =
    reads instanceof Map
      ? [...reads.entries()].map(([code, who]) => [code, [...new Set(who as Iterable<string>)]])
      : [...new Set(reads as Iterable<string>)].map((code) => [code, []]);
  for (const [code, readers] of byCode) {
    const records = await auditRecordsOf(code, { ...options, action: 'personalData.read', windows: 4 });
    expect({ code, recorded: records.length > 0 }).toEqual({ code, recorded: true });
    const recordedReaders = new Set(records.map((r) => r.actor.username));
    for (const reader of readers)
      expect({ code, reader, recorded: recordedReaders.has(reader) }).toEqual({
        code,
        reader,
        recorded: true,
      });
  }
}

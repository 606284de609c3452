/**
 * `npm run import -- --kind procedures --file catalog.xlsx [--sheet …] [--dry-run]
 *    [--effective 2027-01-01] [--endpoint http://127.0.0.1:3000] [--token $TOKEN]`
 *
 * Reads an XLSX or CSV in the national database's layout, sends its lines to
 * `POST /v1/admin/catalog/imports` in calls the API accepts (≤ 200 procedure lines, ≤ ~900 kB;
 * agencies in one call), shows progress, then every rejected line with its reasons and a summary.
 * The same HTTP API against `npm start` and a deployed stack. Exit code: 0 all lines accepted,
 * 1 some lines rejected (the others were imported, unless --dry-run), 2 nothing done (bad
 * arguments, unreadable file, missing columns, or the API refused a call).
 */
import { parseArgs } from 'node:util';
import type { CatalogImportResult } from '../shared/api/schemas/catalog-import';
import { MAX_AGENCY_ROWS, MAX_PROCEDURE_ROWS } from '../shared/api/schemas/catalog-import';
import type { ImportKind } from '../shared/domain/catalog/import-layout';
import { chunkLines, readCatalogFile } from './catalog-file';

/** Under the API's 1 MiB body limit with room for the envelope. */
const MAX_CALL_BYTES = 900 * 1024;

const USAGE =
  'Cách dùng / usage: npm run import -- --kind agencies|procedures --file <tệp.xlsx|.csv> [--sheet <tên>] [--dry-run] [--effective yyyy-mm-dd] [--endpoint <url>] [--token <token>]';

interface Totals {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string' },
      file: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      effective: { type: 'string' },
      endpoint: { type: 'string', default: process.env.MOTCUA_ENDPOINT ?? 'http://127.0.0.1:3000' },
      token: { type: 'string', default: process.env.MOTCUA_TOKEN },
    },
  });
  const kind = values.kind as ImportKind | undefined;
  if ((kind !== 'agencies' && kind !== 'procedures') || !values.file || !values.token) {
    console.error(USAGE);
    if (!values.token) console.error('Thiếu --token (hoặc MOTCUA_TOKEN) / no token');
    return 2;
  }
  if (values.effective && kind !== 'procedures') {
    console.error('--effective chỉ dùng cho thủ tục / --effective applies to procedures only');
    return 2;
  }

  const file = await readCatalogFile(values.file, kind, values.sheet);
  if (file.columns.ignored.length > 0)
    console.error(`Bỏ qua các cột / ignored columns: ${file.columns.ignored.join(', ')}`);
  const total = file.lines.length;
  if (kind === 'agencies' && total > MAX_AGENCY_ROWS) {
    console.error(`Tối đa ${MAX_AGENCY_ROWS} cơ quan một tệp / at most ${MAX_AGENCY_ROWS} agencies a file`);
    return 2;
  }
  const chunks =
    kind === 'agencies' ? [file.lines] : chunkLines(file.lines, MAX_PROCEDURE_ROWS, MAX_CALL_BYTES);
  const url = `${values.endpoint.replace(/\/$/, '')}/v1/admin/catalog/imports`;
  const totals: Totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejected: CatalogImportResult['rows'] = [];
  let sent = 0;
  const started = Date.now();
  for (const [index, chunk] of chunks.entries()) {
    const body = {
      kind,
      dryRun: values['dry-run'],
      ...(values.effective ? { effectiveFrom: values.effective } : {}),
      rows: chunk,
    };
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${values.token}` },
      body: JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => undefined)) as
      CatalogImportResult | { title?: string; detail?: string; errors?: unknown } | undefined;
    if (!response.ok || !answer || !('summary' in answer)) {
      console.error(
        `Lần gửi ${index + 1} bị từ chối (HTTP ${response.status}) / call refused: ${JSON.stringify(answer)}`,
      );
      if (sent > 0) console.error(`Đã nhập ${sent}/${total} dòng trước đó / ${sent} lines were already sent`);
      return 2;
    }
    for (const key of Object.keys(totals) as Array<keyof Totals>) totals[key] += answer.summary[key];
    rejected.push(...answer.rows.filter((r) => r.outcome === 'rejected'));
    sent += chunk.length;
    console.error(
      `Đã gửi ${sent}/${total} dòng (lần ${index + 1}/${chunks.length}, ${((Date.now() - started) / 1000).toFixed(1)} s) / sent ${sent} of ${total} lines`,
    );
  }

  for (const row of rejected.sort((a, b) => a.line - b.line))
    console.log(`Dòng ${row.line}${row.code ? ` (${row.code})` : ''}: ${(row.reasons ?? []).join('; ')}`);
  console.log(
    `${values['dry-run'] ? 'Chạy thử, không ghi gì / dry run, nothing written. ' : ''}` +
      `Tạo mới ${totals.created}, cập nhật ${totals.updated}, không đổi ${totals.unchanged}, từ chối ${totals.rejected} / ` +
      `created ${totals.created}, updated ${totals.updated}, unchanged ${totals.unchanged}, rejected ${totals.rejected}`,
  );
  return totals.rejected > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);

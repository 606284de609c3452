/**
 * npm run reports:export -- --tenant <t> --year 2026 --out bao-cao.xlsx [--local]
 *                          (or --period month --from 2026-01 --to 2026-06 instead of --year)
 *
 * The same workbook as `GET /v1/reports/export` (shared/usecases/report-export.ts), written to a
 * file, with each step and its elapsed time on stderr so a long export shows where it is. Reads
 * the report counters only: a year costs the same with a thousand or a million dossiers.
 *
 * Against the table the environment names (TABLE_NAME, AWS_REGION, credentials); `--local` points
 * it at `npm start`'s DynamoDB Local as tools/reports-rebuild.ts does.
 */
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { PERIOD_LEVELS, PERIOD_PATTERNS, type PeriodLevel } from '../shared/domain/reports';
import { exportWorkbook } from '../shared/usecases/report-export';

const USAGE =
  'usage: npm run reports:export -- --tenant <t> (--year YYYY | --period <day|month|quarter|year> --from P --to P) --out <file.xlsx> [--local]';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main() {
  const tenant = arg('--tenant') ?? fail('thiếu --tenant / --tenant missing');
  const out = arg('--out') ?? fail('thiếu --out / --out missing');
  const year = arg('--year');
  const period = (year ? 'year' : arg('--period')) as PeriodLevel | undefined;
  const from = year ?? arg('--from');
  const to = year ?? arg('--to') ?? from;
  if (!period || !PERIOD_LEVELS.includes(period)) fail('kỳ không hợp lệ / bad --period');
  if (!from || !to || !PERIOD_PATTERNS[period].test(from) || !PERIOD_PATTERNS[period].test(to))
    fail(`kỳ ${period} không đúng dạng / --from/--to are not ${period} periods`);
  if (process.argv.includes('--local')) {
    process.env.AWS_ENDPOINT_URL_DYNAMODB ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
    process.env.AWS_REGION ??= 'ap-southeast-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
    process.env.TABLE_NAME ??= 'mot-cua';
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;
  const file = await exportWorkbook(tenant, { period, from, to }, (step) =>
    console.error(`[${elapsed()}] ${step}`),
  );
  await writeFile(out, file.bytes);
  console.error(`[${elapsed()}] xong / done: ${out}`);
  console.log(
    JSON.stringify({
      tenant,
      period,
      from,
      to,
      out,
      rows: file.rows,
      bytes: file.bytes.length,
      seconds: Number(elapsed().slice(0, -2)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

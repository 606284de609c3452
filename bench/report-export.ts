/**
 * The XLSX export of a year for a province-sized tenant (issue 12 §5: "exports of a year for a
 * province finish in seconds and show progress in the CLI"). Seeds the report counters of one year
 * as the counting consumer would leave them — year and month levels, the two the export reads —
 * for `agencies` province-level agencies and `communes` communes with `cellsPerAgency` field ×
 * procedure cells each, then runs the real CLI (`npm run reports:export`) against the cloud's
 * DynamoDB as a child process and times it. The export reads counters only, so the number of
 * dossiers behind them does not change its cost; the number of cells does, hence the knobs.
 *
 * `reportExportFigures(cloud)` for bench/run.ts; `tsx bench/report-export.ts [out.xlsx]` on its own
 * starts a cloud, measures, prints the Markdown section and stops the cloud.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp } from 'node:fs/promises';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { counterPk, counterSk } from '../shared/data/report-repo';
import { putAgency } from '../shared/data/catalog-repo';
import type { Agency } from '../shared/domain/catalog/model';
import type { Flows } from '../shared/domain/reports';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from '../tests/integration/helpers/offline';

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const REGION = 'ap-southeast-1';
/** A past year: the monthly sheet stops at the current month. */
export const EXPORT_YEAR = '2025';

export interface ReportExportFigures {
  agencies: number;
  cells: number;
  counterItems: number;
  seedSeconds: number;
  exportSeconds: number;
  rows: number;
  bytes: number;
  progress: string[];
}

const localEnv = (cloud: CloudHandle) => ({
  AWS_ENDPOINT_URL_DYNAMODB: cloud.info.endpoints.dynamodb,
  AWS_REGION: REGION,
  AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  TABLE_NAME: cloud.info.tableName,
});

/** A small deterministic generator: the same counters on every run. */
function rng(seed: number) {
  let s = seed;
  // The high bits: an LCG's low bits repeat with a short period.
  return (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), Math.floor(s / 65536) % n);
}

/** One month of one cell: received, then at most that many closed, split by outcome. */
function monthFlows(r: (n: number) => number): Flows {
  const received = r(30);
  const closed = Math.min(received, Math.round(received * (0.75 + r(30) / 100)));
  const late = r(Math.max(1, Math.floor(closed / 8) + 1));
  const refused = r(2);
  const withdrawn = r(2);
  const resolved = Math.max(0, closed - late - refused - withdrawn);
  const online = r(received + 1);
  const postal = r(Math.max(1, received - online) + 1) % 3;
  return {
    received,
    receivedOnline: online,
    receivedPostal: Math.min(postal, received - online),
    receivedCounter: received - online - Math.min(postal, received - online),
    resolvedEarly: Math.floor(resolved * 0.7),
    resolvedOnTime: resolved - Math.floor(resolved * 0.7),
    resolvedLate: late,
    refused: Math.min(refused, closed),
    withdrawn: Math.min(withdrawn, Math.max(0, closed - refused)),
    apologies: r(2),
    evaluationsGood: r(5),
    evaluationsVeryGood: r(5),
  };
}

export async function reportExportFigures(
  cloud: CloudHandle,
  options = { agencies: 25, communes: 100, cellsPerAgency: 20, out: '' },
  progress: (message: string) => void = () => {},
): Promise<ReportExportFigures> {
  const { info } = cloud;
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: info.endpoints.dynamodb, region: REGION, credentials: CREDENTIALS }),
  );
  const r = rng(20311231);
  const items: Array<Record<string, unknown>> = [];
  const agencies: Agency[] = [];
  const agencyCount = options.agencies + options.communes;
  for (let a = 0; a < agencyCount; a++) {
    const commune = a >= options.agencies;
    const code = commune
      ? `000.${40 + Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}.H99`
      : `000.${String(20 + a).padStart(2, '0')}.90.H99`;
    agencies.push({
      code,
      name: commune ? `UBND xã Thử nghiệm ${a - options.agencies + 1}` : `Sở Thử nghiệm ${a + 1}`,
      parent: null,
      level: commune ? 'commune' : 'province',
      receptionPoint: commune,
    });
    for (let c = 0; c < options.cellsPerAgency; c++) {
      const field = `Lĩnh vực ${1 + (c % 5)}`;
      const procedure = `9.${String(a).padStart(3, '0')}${String(c).padStart(3, '0')}`;
      const cell = `${code}#${field}#${procedure}`;
      const year: Flows = {};
      for (let m = 1; m <= 12; m++) {
        const flows = monthFlows(r);
        const period = `${EXPORT_YEAR}-${String(m).padStart(2, '0')}`;
        items.push({
          PK: counterPk(info.tenant, 'month'),
          SK: counterSk(period, cell),
          period,
          agency: code,
          field,
          procedure,
          ...flows,
        });
        for (const [k, v] of Object.entries(flows) as Array<[keyof Flows, number]>)
          year[k] = (year[k] ?? 0) + v;
      }
      items.push({
        PK: counterPk(info.tenant, 'year'),
        SK: counterSk(EXPORT_YEAR, cell),
        period: EXPORT_YEAR,
        agency: code,
        field,
        procedure,
        ...year,
      });
    }
  }
  progress(
    `seeding ${items.length} items (${agencyCount} agencies, ${agencyCount * options.cellsPerAgency} cells)…`,
  );
  const seedStart = performance.now();
  // The catalog's own writer for the agencies (their names and levels make the sheets).
  Object.assign(process.env, localEnv(cloud));
  for (const agency of agencies) await putAgency(info.tenant, agency);
  for (let i = 0; i < items.length; i += 25 * 8) {
    await Promise.all(
      Array.from({ length: 8 }, (_, j) => items.slice(i + j * 25, i + (j + 1) * 25))
        .filter((batch) => batch.length > 0)
        .map((batch) =>
          doc.send(
            new BatchWriteCommand({
              RequestItems: { [info.tableName]: batch.map((Item) => ({ PutRequest: { Item } })) },
            }),
          ),
        ),
    );
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  doc.destroy();
  const out =
    options.out || path.join(await mkdtemp(path.join(os.tmpdir(), 'motcua-export-')), 'bao-cao.xlsx');
  progress(`npm run reports:export -- --tenant ${info.tenant} --year ${EXPORT_YEAR} --out ${out}`);
  const started = performance.now();
  const run = await promisify(execFile)(
    path.join(__dirname, '..', 'node_modules', '.bin', 'tsx'),
    ['tools/reports-export.ts', '--tenant', info.tenant, '--year', EXPORT_YEAR, '--out', out],
    {
      cwd: path.join(__dirname, '..'),
      timeout: 120_000,
      env: { ...process.env, ...localEnv(cloud) },
    },
  );
  const wall = (performance.now() - started) / 1000;
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
    rows: number;
    bytes: number;
    seconds: number;
  };
  return {
    agencies: agencyCount,
    cells: agencyCount * options.cellsPerAgency,
    counterItems: items.length,
    seedSeconds,
    exportSeconds: result.seconds,
    rows: result.rows,
    bytes: result.bytes,
    progress: [
      ...run.stderr.trim().split('\n'),
      `(process wall time with tsx start-up: ${wall.toFixed(2)} s)`,
    ],
  };
}

export function renderReportExport(f: ReportExportFigures): string {
  return [
    '## XLSX export of a year (issue 12 §5)',
    '',
    `\`npm run reports:export -- --year ${EXPORT_YEAR}\` for a tenant with ${f.agencies} agencies and ${f.cells} report cells (${f.counterItems} year and month counters seeded, in ${f.seedSeconds.toFixed(1)} s): **${f.exportSeconds.toFixed(2)} s** from start to file, ${f.rows} report rows, ${(f.bytes / 1024).toFixed(0)} KiB. The CLI's progress:`,
    '',
    '```',
    ...f.progress,
    '```',
    '',
  ].join('\n');
}

if (require.main === module) {
  void (async () => {
    const cloud = await startCloudProcess();
    try {
      const figures = await reportExportFigures(
        cloud,
        {
          agencies: Number(process.env.BENCH_EXPORT_AGENCIES ?? 25),
          communes: Number(process.env.BENCH_EXPORT_COMMUNES ?? 100),
          cellsPerAgency: Number(process.env.BENCH_EXPORT_CELLS ?? 20),
          out: process.argv[2] ?? '',
        },
        (m) => process.stderr.write(`[bench] ${m}\n`),
      );
      console.log(renderReportExport(figures));
    } finally {
      await stopCloudProcess(cloud, { removeData: true });
    }
  })();
}

/**
 * Report latency against the number of dossiers (issue 12, "what it must show"): the same report
 * query (`GET /v1/reports`, one year by month for the demo province) is timed after N generated
 * dossiers were counted, and again after 10 × N. The counters are designed so a report costs the
 * cells × periods it reads, never the dossiers (shared/data/report-repo.ts); the ratio of the two
 * medians says whether that holds, and the read units per report come from the answer itself
 * (`readUnits`, the Queries' ReturnConsumedCapacity).
 *
 * The dossiers' events go through the consumer's own code (countEvent, then commitCount's counter
 * ADDs, batched: see countDossiers), written from this process to the cloud's DynamoDB Local:
 * submitting and processing 2,200 dossiers over HTTP, or one transaction per event (about 30 a
 * second on DynamoDB Local here), would take the bench minutes and measure something else.
 * They fall in a year no other phase writes to (BENCH_REPORT_YEAR), spread over the four demo
 * procedures and twelve months so that N already fills every (month, cell) the query reads: 10 × N
 * makes the numbers in the counters bigger, not the number of counters. Standalone:
 * `npx tsx bench/report-scale.ts` (starts its own cloud).
 */
import { performance } from 'node:perf_hooks';
import type { ReadyInfo } from '../infra/local/ready-line';
import type { DossierFacts, Increment, ReportEvent } from '../shared/domain/reports';
import { ENV } from '../shared/platform/env';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './call-trace';
import { median, percentile } from './stats';
import { seededRandom as random } from './seeded-random';

export interface ReportScaleRun {
  dossiers: number;
  events: number;
  p50Ms: number;
  p95Ms: number;
  readUnits: number;
  rows: number;
}

export interface ReportScaleFigures {
  query: string;
  samples: number;
  small: ReportScaleRun;
  large: ReportScaleRun;
  /** large.p50 / small.p50: must stay ≤ 1.2. */
  ratio: number;
}

export const RATIO_LIMIT = 1.2;
const ADMIN = 'quantri';
const YEAR = process.env.BENCH_REPORT_YEAR ?? '2025';
const QUERY = `/v1/reports?period=month&from=${YEAR}-01&to=${YEAR}-12`;
/** 4 counter levels per day-cell: 24 × 4 + the state item stays under a transaction's 100 items. */
const DAY_CELLS_PER_TRANSACTION = 24;
const WARMUP = 40;

/** The demo province's procedures (infra/local/demo-province.json) as report cells. */
const CELLS = [
  { agency: '000.30.01.H99', field: 'Hộ tịch', procedure: '1.001193', days: 3 },
  { agency: '000.30.01.H99', field: 'Chứng thực', procedure: '2.000815', days: 1 },
  { agency: '000.05.20.H99', field: 'Lý lịch tư pháp', procedure: '2.000488', days: 10 },
  { agency: '000.08.21.H99', field: 'Đất đai', procedure: '1.004227', days: 10 },
] as const;

const vn = (d: Date) => `${new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;

/** Dossier `i`'s events: received, then resolved (mostly on time, some late) or refused, returned, rated. */
export function generatedDossier(i: number): { code: string; facts: DossierFacts; events: ReportEvent[] } {
  const rnd = random(1571 + i);
  const cell = CELLS[i % CELLS.length]!;
  const month = Math.floor(i / CELLS.length) % 12;
  const day = 1 + Math.floor(rnd() * 20);
  const received = new Date(Date.UTC(Number(YEAR), month, day, 1 + Math.floor(rnd() * 8)));
  const appointment = new Date(received.getTime() + cell.days * 86_400_000);
  const code = `BENCH-${YEAR}-${String(i).padStart(6, '0')}`;
  const roll = rnd();
  const facts: DossierFacts = {
    field: cell.field,
    channel: rnd() < 0.6 ? 'online' : 'counter',
    returnMethod: rnd() < 0.2 ? 'post' : 'counter',
    ...(rnd() < 0.5 ? { evaluationLevel: rnd() < 0.8 ? 'veryGood' : 'good' } : {}),
  };
  const base = { competentAgency: cell.agency, procedure: cell.procedure, appointmentAt: vn(appointment) };
  const at = (offsetMs: number) => vn(new Date(received.getTime() + offsetMs));
  const events: ReportEvent[] = [{ id: `${code}-1`, type: 'dossier.received', at: at(0), ...base }];
  if (roll < 0.05) events.push({ id: `${code}-2`, type: 'dossier.refused', at: at(3600_000), ...base });
  else {
    const late = roll > 0.97;
    const ready = late ? cell.days * 86_400_000 + 7200_000 : rnd() * cell.days * 86_400_000;
    events.push({ id: `${code}-2`, type: 'dossier.result_ready', at: at(ready), ...base });
    events.push({ id: `${code}-3`, type: 'dossier.returned', at: at(ready + 3600_000), ...base });
    if (facts.evaluationLevel)
      events.push({ id: `${code}-4`, type: 'dossier.evaluated', at: at(ready + 7200_000), ...base });
  }
  return { code, facts, events };
}

/**
 * Counts dossiers `from`..`to-1`: each dossier's events through countEvent with its own state, as
 * the consumer does, and the increments written with the consumer's commitCount. Only the batching
 * differs: the increments of many dossiers go into one transaction (at most 24 day-cells, so 96
 * counter updates plus one state item, under DynamoDB's 100), instead of one transaction per event.
 * ADD is additive, so the counters hold exactly what one event at a time would leave; the per-dossier
 * report states, which a report never reads, are not written.
 */
async function countDossiers(tenant: string, from: number, to: number): Promise<number> {
  const [{ countEvent, EMPTY_REPORT_STATE }, { commitCount }] = await Promise.all([
    import('../shared/domain/reports'),
    import('../shared/data/report-repo'),
  ]);
  const byDayCell = new Map<string, Increment[]>();
  let events = 0;
  for (let i = from; i < to; i++) {
    const { facts, events: list } = generatedDossier(i);
    let state = EMPTY_REPORT_STATE;
    for (const event of list) {
      const counted = countEvent(state, event, facts);
      state = counted.state;
      for (const inc of counted.increments) {
        const key = `${inc.day}|${inc.cell.procedure}`;
        byDayCell.set(key, [...(byDayCell.get(key) ?? []), inc]);
      }
      events++;
    }
  }
  const groups = [...byDayCell.values()];
  for (let k = 0; k < groups.length; k += DAY_CELLS_PER_TRANSACTION) {
    const batch = groups.slice(k, k + DAY_CELLS_PER_TRANSACTION).flat();
    const code = `BENCH-${YEAR}-${from}-${k}`;
    if (!(await commitCount(tenant, code, { counted: [], version: 0 }, { counted: [] }, batch)))
      throw new Error(`the bench's batch ${code} was written before`);
  }
  return events;
}

async function timeReports(info: ReadyInfo, token: string, samples: number) {
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(`${info.baseUrl}${QUERY}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { readUnits: number; items: unknown[] };
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${QUERY}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, body };
  };
  for (let i = 0; i < 10; i++) await get();

  const times: number[] = [];
  let last: { readUnits: number; items: unknown[] } | undefined;
  for (let i = 0; i < samples; i++) {
    const { ms, body } = await get();
    times.push(ms);
    last = body;
  }
  return {
    p50Ms: median(times),
    p95Ms: percentile(times, 95),
    readUnits: last!.readUnits,
    rows: last!.items.length,
  };
}

export async function reportScaleFigures(
  info: ReadyInfo,
  n = 200,
  samples = 60,
): Promise<ReportScaleFigures> {
  Object.assign(process.env, {
    [ENV.tableName]: info.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: info.endpoints.dynamodb,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  delete process.env.AWS_SESSION_TOKEN;
  const token = info.tokens[ADMIN];
  if (!token) throw new Error(`the cloud issued no token for ${ADMIN}`);

  // The first requests pay for JIT, connections and DynamoDB Local's own warm-up: spend them on the
  // empty year, so the N run does not look slower than it is (which would flatter the ratio).
  await timeReports(info, token, WARMUP);
  const smallEvents = await countDossiers(info.tenant, 0, n);
  const small = { dossiers: n, events: smallEvents, ...(await timeReports(info, token, samples)) };
  const moreEvents = await countDossiers(info.tenant, n, 10 * n);
  const large = {
    dossiers: 10 * n,
    events: smallEvents + moreEvents,
    ...(await timeReports(info, token, samples)),
  };
  return {
    query: `GET ${QUERY}`,
    samples,
    small,
    large,
    ratio: large.p50Ms / small.p50Ms,
  };
}

export function renderReportScale(f: ReportScaleFigures): string {
  const row = (r: ReportScaleRun) =>
    `| ${r.dossiers} | ${r.events} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.readUnits} | ${r.rows} |`;
  return [
    '',
    '## Report latency with 10× the dossiers',
    '',
    `\`${f.query}\` as the province's administrator, ${f.samples} sequential requests after 10 warm-up ones, at N and 10 × N generated dossiers (fixed seed) counted with the consumer's countEvent and commitCount (bench/report-scale.ts).`,
    '',
    '| dossiers | events counted | p50 ms | p95 ms | read units per report | rows |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    row(f.small),
    row(f.large),
    '',
    `Ratio of the medians, 10 × N over N: **${f.ratio.toFixed(2)}** (limit ${RATIO_LIMIT}: ${f.ratio <= RATIO_LIMIT ? 'within' : 'EXCEEDED'}). N already fills every (month, cell) the query reads, so the counters read are the same items at both sizes, with bigger numbers in them.`,
  ].join('\n');
}

/** This phase alone on a cloud of its own (`BENCH_ONLY=reports npm run bench`, or this file run directly). */
export async function runReportScaleAlone(): Promise<ReportScaleFigures> {
  const { startCloudProcess, stopCloudProcess } = await import('../tests/integration/helpers/offline');
  const cloud = await startCloudProcess({ timeoutMs: 90_000 });
  try {
    const figures = await reportScaleFigures(cloud.info, Number(process.env.BENCH_REPORT_DOSSIERS ?? 200));
    process.stdout.write(`${renderReportScale(figures)}\n`);
    return figures;
  } finally {
    await stopCloudProcess(cloud, { removeData: true });
  }
}

if (require.main === module) void runReportScaleAlone();

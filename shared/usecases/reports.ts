/**
 * The report (issue 12 §5): the counters of the range (one Query of one level's partition) plus the
 * balance of every earlier period for the stocks (years before, then the range's own level within
 * its first year: shared/domain/reports/assemble.ts), assembled into rows and totals. Reads counters
 * only: its cost depends on the cells and periods asked for, never on how many dossiers there are.
 *
 * Who: the tenant's administrator and its auditors, any agency; an agency leader, their own agency
 * only (reportAgency below, which the export and the monthly summary use too).
 */
import type * as z from 'zod/mini';
import type { reportQuery, report } from '../api/schemas/reports';
import { MAX_PERIODS } from '../api/schemas/reports';
import { encodeCursor } from '../api/cursor';
import { readCounters, type CounterItem } from '../data/report-repo';
import {
  addFlows,
  assembleReport,
  cellOfId,
  identityHolds,
  periodRange,
  totalsByPeriod,
  type FlowTable,
  type Flows,
  type PeriodLevel,
  type ReportRow,
} from '../domain/reports';
import { ForbiddenError, ValidationError } from '../platform/errors';
import { authorize, reachesTenant } from '../platform/authorize';
import type { Principal } from '../platform/principal';

type Query = z.output<typeof reportQuery>;

/** Where the balance before `from` comes from: coarser counters first, then the level's own. */
function balanceSources(
  level: PeriodLevel,
  from: string,
): Array<{ level: PeriodLevel; from?: string; to?: string }> {
  const year = from.slice(0, 4);
  const prevYear = String(Number(year) - 1);
  const sources: Array<{ level: PeriodLevel; from?: string; to?: string }> = [
    { level: 'year', to: prevYear },
  ];
  if (level === 'year') return sources;
  if (level === 'quarter' || level === 'month') {
    const first = level === 'quarter' ? `${year}-Q1` : `${year}-01`;
    if (from > first) sources.push({ level, from: first, to: periodBefore(level, from) });
    return sources;
  }
  // Days: the months before the day's month, then the days before it in its month.
  const month = from.slice(0, 7);
  if (month > `${year}-01`)
    sources.push({ level: 'month', from: `${year}-01`, to: periodBefore('month', month) });
  if (from > `${month}-01`)
    sources.push({ level: 'day', from: `${month}-01`, to: periodBefore('day', from) });
  return sources;
}

function periodBefore(level: PeriodLevel, period: string): string {
  if (level === 'month') {
    const [y, m] = period.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  if (level === 'quarter') {
    const [y, q] = period.split('-Q').map(Number);
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Who sees every agency's figures: the tenant's administrator and its auditors (read only). */
export const seesAllAgencies = (principal: Principal) => reachesTenant(principal, 'reports.read');

/**
 * The agency a caller's report is limited to (a leader: their own, the policy's `agency` grant), or
 * 403 for another one (agency codes are public: refusing names nothing secret).
 */
export function reportAgency(principal: Principal, asked: string | undefined): string | undefined {
  if (seesAllAgencies(principal)) return asked;
  if (asked !== undefined) {
    const refuse = () =>
      new ForbiddenError('Lãnh đạo chỉ xem báo cáo của cơ quan mình / a leader sees their own agency only');
    authorize(
      principal,
      'reports.read',
      { kind: 'agencyResource', tenant: principal.tenant, agency: asked },
      refuse,
    );
  }
  return principal.agency;
}

export interface RowsQuery {
  period: PeriodLevel;
  from: string;
  to: string;
  agency?: string;
  field?: string;
  procedure?: string;
}

/**
 * The report's rows for a range, already authorised: the JSON report, the XLSX export, the
 * service index and the monthly summary all start here.
 */
export async function reportRows(
  tenant: string,
  query: RowsQuery,
): Promise<{ periods: string[]; rows: ReportRow[]; readUnits: number }> {
  const periods = periodRange(query.period, query.from, query.to, MAX_PERIODS[query.period] + 1);
  if (periods.length > MAX_PERIODS[query.period])
    throw new ValidationError([
      {
        field: 'query.to',
        rule: 'too_big',
        message: `Tối đa ${MAX_PERIODS[query.period]} kỳ / at most ${MAX_PERIODS[query.period]} periods`,
      },
    ]);
  const agency = query.agency;
  const wanted = (c: CounterItem) => {
    const cell = cellOfId(c.cell);
    return (
      (!agency || cell.agency === agency) &&
      (!query.field || cell.field === query.field) &&
      (!query.procedure || cell.procedure === query.procedure)
    );
  };
  let readUnits = 0;
  const inRange = await readCounters(tenant, query.period, { from: query.from, to: query.to });
  readUnits += inRange.readUnits;
  const flows: FlowTable = new Map();
  for (const c of inRange.items.filter(wanted)) {
    const cells = flows.get(c.period) ?? new Map<string, Flows>();
    cells.set(c.cell, c.flows);
    flows.set(c.period, cells);
  }
  const before = new Map<string, Flows>();
  for (const source of balanceSources(query.period, query.from)) {
    const read = await readCounters(tenant, source.level, source);
    readUnits += read.readUnits;
    for (const c of read.items.filter(wanted))
      before.set(c.cell, addFlows(before.get(c.cell) ?? {}, c.flows));
  }
  const rows = assembleReport(periods, flows, before);
  // By construction; a row breaking it would be a bug in the counters, so fail loudly, not silently.
  const broken = rows.find((r) => !identityHolds(r.figures));
  if (broken) throw new Error(`report identity broken in ${broken.period} ${JSON.stringify(broken.cell)}`);
  return { periods, rows, readUnits };
}

export async function getReport(principal: Principal, query: Query): Promise<z.input<typeof report>> {
  const agency = reportAgency(principal, query.agency);
  const start = Number(query.cursor ?? 0);
  const { periods, rows, readUnits } = await reportRows(principal.tenant, { ...query, agency });
  const totals = totalsByPeriod(rows);
  const page = rows.slice(start, start + query.limit);
  const next = start + query.limit;
  return {
    period: query.period,
    from: query.from,
    to: query.to,
    periods,
    items: page.map((r) => ({ ...r.cell, period: r.period, figures: r.figures })),
    totals: periods.filter((p) => totals.has(p)).map((p) => ({ period: p, figures: totals.get(p)! })),
    ...(next < rows.length ? { nextCursor: encodeCursor('report', String(next)) } : {}),
    readUnits,
  };
}

/**
 * A report from counters: the flows of each (cell, period) and, for the stocks, the flows of every
 * earlier period summed (the balance). Pure; the report use case reads the counters and hands them in.
 *
 *   carriedOver(P)      = balance.pending before P
 *   pending(P)          = carriedOver + received − resolved − refused − withdrawn
 *   pendingOverdue(P)   = Σ up to the end of P of (becameOverdue − overdueClosed)
 *   pendingWithinDeadline = pending − pendingOverdue
 * so resolved + refused + withdrawn + pending = carriedOver + received holds in every row by
 * construction; the unit test checks that pending and pendingOverdue also equal a brute-force count
 * of the dossiers open (and overdue) at each period's end.
 */
import type { CellKey, Increment } from './count';
import { FIGURE_KEYS, FLOW_FIGURES, type Figures, type Flows } from './figures';
import { periodsOfDay, type PeriodLevel } from './periods';

export const cellId = (c: CellKey) => `${c.agency}#${c.field}#${c.procedure}`;
export const cellOfId = (id: string): CellKey => {
  const [agency, field, procedure] = id.split('#');
  return { agency, field, procedure };
};

export function addFlows(into: Flows, flows: Flows): Flows {
  for (const [k, v] of Object.entries(flows) as Array<[keyof Flows, number]>) into[k] = (into[k] ?? 0) + v;
  return into;
}

/** period → cell id → flows. */
export type FlowTable = Map<string, Map<string, Flows>>;

/** Day increments summed into one level's periods. */
export function sumByPeriod(increments: readonly Increment[], level: PeriodLevel): FlowTable {
  const table: FlowTable = new Map();
  for (const inc of increments) {
    const period = periodsOfDay(inc.day)[level];
    let cells = table.get(period);
    if (!cells) table.set(period, (cells = new Map()));
    const id = cellId(inc.cell);
    cells.set(id, addFlows(cells.get(id) ?? {}, inc.flows));
  }
  return table;
}

const closedOf = (f: Flows) =>
  (f.resolvedEarly ?? 0) +
  (f.resolvedOnTime ?? 0) +
  (f.resolvedLate ?? 0) +
  (f.refused ?? 0) +
  (f.withdrawn ?? 0);
const pendingDelta = (f: Flows) => (f.received ?? 0) - closedOf(f);
const overdueDelta = (f: Flows) => (f.becameOverdue ?? 0) - (f.overdueClosed ?? 0);

export interface ReportRow {
  cell: CellKey;
  period: string;
  figures: Figures;
}

export const zeroFigures = (): Figures => Object.fromEntries(FIGURE_KEYS.map((f) => [f, 0])) as Figures;

/**
 * One row per cell and period in `periods` (in order), for every cell that has a flow in them or a
 * non-zero balance before them; rows whose every figure is zero are left out.
 */
export function assembleReport(
  periods: readonly string[],
  flows: FlowTable,
  before: ReadonlyMap<string, Flows>,
): ReportRow[] {
  const cells = new Set<string>();
  for (const [id, f] of before) if (pendingDelta(f) !== 0 || overdueDelta(f) !== 0) cells.add(id);
  for (const p of periods) for (const id of flows.get(p)?.keys() ?? []) cells.add(id);
  const rows: ReportRow[] = [];
  for (const id of [...cells].sort()) {
    const b = before.get(id) ?? {};
    let pending = pendingDelta(b);
    let overdue = overdueDelta(b);
    for (const period of periods) {
      const f = flows.get(period)?.get(id) ?? {};
      const figures = zeroFigures();
      for (const k of FLOW_FIGURES) figures[k] = f[k] ?? 0;
      figures.carriedOver = pending;
      pending += pendingDelta(f);
      overdue += overdueDelta(f);
      figures.pending = pending;
      figures.pendingOverdue = overdue;
      figures.pendingWithinDeadline = pending - overdue;
      if (FIGURE_KEYS.some((k) => figures[k] !== 0)) rows.push({ cell: cellOfId(id), period, figures });
    }
  }
  return rows;
}

/** The identity every row satisfies (the report API asserts it before answering). */
export const identityHolds = (f: Figures) =>
  f.resolvedEarly + f.resolvedOnTime + f.resolvedLate + f.refused + f.withdrawn + f.pending ===
  f.carriedOver + f.received;

/** Per-period totals over the rows (stocks sum as well: every cell's stock is a count of dossiers). */
export function totalsByPeriod(rows: readonly ReportRow[]): Map<string, Figures> {
  const totals = new Map<string, Figures>();
  for (const r of rows) {
    const t = totals.get(r.period) ?? zeroFigures();
    for (const k of FIGURE_KEYS) t[k] += r.figures[k];
    totals.set(r.period, t);
  }
  return totals;
}

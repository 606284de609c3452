/**
 * The XLSX export's content (issue 12 §5), pure: which sheets, rows and numbers, in the layout of
 * the "Tình hình, kết quả giải quyết TTHC" table officials fill in. The workbook writer
 * (shared/usecases/report-workbook.ts) only draws it; the test reads the file back against this.
 *
 * A range of periods becomes one column set: flows summed over the range, `carriedOver` from its
 * first period and the pending stocks from its last, so every row still satisfies
 *   resolved + refused + withdrawn + pending = carriedOver + received.
 *
 * Sheets per agency level as the catalog knows it (Agency.level): province-level agencies and
 * communes. There is no district sheet: the district level ended on 01/07/2025 and the catalog
 * refuses it (shared/domain/catalog/import-rows.ts). Each sheet: a subtotal row per competent
 * agency, its fields under it, and the sheet's total row (the sum of the subtotals).
 */
import type { ReportRow } from './assemble';
import { cellId } from './assemble';
import { FIGURE_KEYS, type Figures } from './figures';
import { zeroFigures } from './assemble';

/** The figures of each cell over the whole range (`periods` in order). */
export function aggregateRange(rows: readonly ReportRow[], periods: readonly string[]): Map<string, Figures> {
  const first = periods[0];
  const last = periods[periods.length - 1];
  const out = new Map<string, Figures>();
  for (const r of rows) {
    const id = cellId(r.cell);
    const f = out.get(id) ?? zeroFigures();
    for (const k of FIGURE_KEYS) {
      if (k === 'carriedOver') {
        if (r.period === first) f.carriedOver = r.figures.carriedOver;
      } else if (k === 'pending' || k === 'pendingOverdue' || k === 'pendingWithinDeadline') {
        if (r.period === last) f[k] = r.figures[k];
      } else f[k] += r.figures[k];
    }
    out.set(id, f);
  }
  return out;
}

/** One column of the table: its two heading levels and how its number comes from the figures. */
export interface ExportColumn {
  group: string;
  heading: string;
  value: (f: Figures) => number;
}

const resolved = (f: Figures) => f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;

/** The number columns, after STT and the name column. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { group: 'Tổng số hồ sơ', heading: 'Tổng số', value: (f) => f.carriedOver + f.received },
  { group: 'Tổng số hồ sơ', heading: 'Kỳ trước chuyển qua', value: (f) => f.carriedOver },
  { group: 'Tiếp nhận trong kỳ', heading: 'Tổng số', value: (f) => f.received },
  { group: 'Tiếp nhận trong kỳ', heading: 'Trực tuyến', value: (f) => f.receivedOnline },
  { group: 'Tiếp nhận trong kỳ', heading: 'Trực tiếp', value: (f) => f.receivedCounter },
  { group: 'Tiếp nhận trong kỳ', heading: 'Bưu chính', value: (f) => f.receivedPostal },
  { group: 'Đã giải quyết', heading: 'Tổng số', value: resolved },
  { group: 'Đã giải quyết', heading: 'Trước hạn', value: (f) => f.resolvedEarly },
  { group: 'Đã giải quyết', heading: 'Đúng hạn', value: (f) => f.resolvedOnTime },
  { group: 'Đã giải quyết', heading: 'Quá hạn', value: (f) => f.resolvedLate },
  { group: 'Đang giải quyết', heading: 'Tổng số', value: (f) => f.pending },
  { group: 'Đang giải quyết', heading: 'Trong hạn', value: (f) => f.pendingWithinDeadline },
  { group: 'Đang giải quyết', heading: 'Quá hạn', value: (f) => f.pendingOverdue },
  { group: 'Từ chối', heading: 'Từ chối', value: (f) => f.refused },
  { group: 'Rút hồ sơ', heading: 'Rút hồ sơ', value: (f) => f.withdrawn },
  { group: 'Xin lỗi, hẹn lại', heading: 'Xin lỗi, hẹn lại', value: (f) => f.apologies },
];

export type ExportRowKind = 'agency' | 'field' | 'total';
export interface ExportRow {
  kind: ExportRowKind;
  /** `1`, `2`… for agencies, `1.1`… for their fields, empty on the total row. */
  stt: string;
  label: string;
  figures: Figures;
}

export interface ExportSheet {
  name: string;
  title: string;
  rows: ExportRow[];
}

export interface AgencyInfo {
  name: string;
  level: 'province' | 'commune';
}

export const LEVEL_SHEETS = [
  { level: 'province', name: 'Cấp tỉnh', title: 'Các cơ quan, đơn vị cấp tỉnh' },
  { level: 'commune', name: 'Cấp xã', title: 'Ủy ban nhân dân cấp xã' },
] as const;

const sum = (into: Figures, f: Figures) => {
  for (const k of FIGURE_KEYS) into[k] += f[k];
  return into;
};

/**
 * The level sheets from the range's cells. An agency missing from the catalog (deleted since) stays
 * on the province sheet under its code: its dossiers still count.
 */
export function levelSheets(
  cells: ReadonlyMap<string, Figures>,
  agencies: ReadonlyMap<string, AgencyInfo>,
): ExportSheet[] {
  // agency → field → figures
  const byAgency = new Map<string, Map<string, Figures>>();
  for (const [id, f] of cells) {
    const [agency, field] = id.split('#');
    const fields = byAgency.get(agency) ?? new Map<string, Figures>();
    fields.set(field, sum(fields.get(field) ?? zeroFigures(), f));
    byAgency.set(agency, fields);
  }
  return LEVEL_SHEETS.map((sheet) => {
    const rows: ExportRow[] = [];
    const total = zeroFigures();
    const codes = [...byAgency.keys()]
      .filter((code) => (agencies.get(code)?.level ?? 'province') === sheet.level)
      .sort((a, b) =>
        (agencies.get(a)?.name ?? a).localeCompare(agencies.get(b)?.name ?? b, 'vi', { numeric: true }),
      );
    codes.forEach((code, i) => {
      const fields = byAgency.get(code)!;
      const subtotal = zeroFigures();
      for (const f of fields.values()) sum(subtotal, f);
      sum(total, subtotal);
      rows.push({
        kind: 'agency',
        stt: String(i + 1),
        label: agencies.get(code)?.name ?? code,
        figures: subtotal,
      });
      [...fields.keys()]
        .sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }))
        .forEach((field, j) =>
          rows.push({ kind: 'field', stt: `${i + 1}.${j + 1}`, label: field, figures: fields.get(field)! }),
        );
    });
    rows.push({ kind: 'total', stt: '', label: 'Tổng cộng', figures: total });
    return { name: sheet.name, title: sheet.title, rows };
  });
}

/** The monthly summary of one agency (issue 12 §5): JSON route and the XLSX's own sheet. */
export interface AgencyMonthSummary {
  agency: string;
  month: string;
  received: number;
  resolved: number;
  /** Early or on time over resolved, in percent with one decimal; null when nothing was resolved. */
  onTimePercent: number | null;
  resolvedLate: number;
  pendingOverdue: number;
  apologies: number;
  evaluations: number;
  /** Rất hài lòng + hài lòng over every rating, in percent; null when nobody rated. */
  satisfiedPercent: number | null;
}

const percent = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 10);

/** Per agency and month, from month-level report rows (one per cell and month). */
export function agencyMonthSummaries(rows: readonly ReportRow[]): AgencyMonthSummary[] {
  const byKey = new Map<string, { agency: string; month: string; f: Figures }>();
  for (const r of rows) {
    const key = `${r.cell.agency}|${r.period}`;
    const entry = byKey.get(key) ?? { agency: r.cell.agency, month: r.period, f: zeroFigures() };
    sum(entry.f, r.figures);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .sort((a, b) =>
      a.agency === b.agency ? a.month.localeCompare(b.month) : a.agency.localeCompare(b.agency),
    )
    .map(({ agency, month, f }) => {
      const evaluations = f.evaluationsVeryGood + f.evaluationsGood + f.evaluationsFair + f.evaluationsPoor;
      return {
        agency,
        month,
        received: f.received,
        resolved: resolved(f),
        onTimePercent: percent(f.resolvedEarly + f.resolvedOnTime, resolved(f)),
        resolvedLate: f.resolvedLate,
        pendingOverdue: f.pendingOverdue,
        apologies: f.apologies,
        evaluations,
        satisfiedPercent: percent(f.evaluationsVeryGood + f.evaluationsGood, evaluations),
      };
    });
}

/** dd/mm/yyyy of a `YYYY-MM-DD` day, as people read dates. */
export const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The first day of a period, `YYYY-MM-DD`. */
export function periodFirstDay(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return period.length === 7 ? `${period}-01` : period;
}

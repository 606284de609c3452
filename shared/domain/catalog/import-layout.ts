/**
 * The column layout of catalog files, written once: the headings officials already use (the
 * national procedure database's export, "Cơ sở dữ liệu quốc gia về thủ tục hành chính") mapped to
 * the short keys the import API carries. The CLI reads a sheet's heading row with `columnsOf`; the
 * server parses the cells (./import-rows.ts). Headings match whatever their case, tone marks,
 * punctuation or spacing, so "MÃ THỦ TỤC", "Mã thủ tục " and "ma thu tuc" are one column.
 */
import { foldVietnamese } from '../text';

export type ImportKind = 'agencies' | 'procedures';

interface Column {
  key: string;
  /** The heading as the national export writes it; the first is the one docs and examples use. */
  headings: readonly string[];
  required: boolean;
}

export const PROCEDURE_COLUMNS = [
  { key: 'code', headings: ['Mã thủ tục', 'Mã TTHC', 'Mã số'], required: true },
  { key: 'name', headings: ['Tên thủ tục', 'Tên TTHC', 'Tên thủ tục hành chính'], required: true },
  { key: 'field', headings: ['Lĩnh vực'], required: true },
  { key: 'level', headings: ['Cấp thực hiện'], required: true },
  { key: 'agency', headings: ['Cơ quan thực hiện', 'Cơ quan giải quyết'], required: true },
  { key: 'time', headings: ['Thời hạn giải quyết', 'Thời gian giải quyết'], required: true },
  { key: 'fee', headings: ['Phí, lệ phí', 'Phí lệ phí', 'Lệ phí'], required: true },
  { key: 'documents', headings: ['Thành phần hồ sơ'], required: false },
  { key: 'online', headings: ['Mức độ DVC', 'Mức độ dịch vụ công', 'Mức độ DVCTT'], required: true },
  { key: 'effectiveFrom', headings: ['Ngày hiệu lực', 'Ngày có hiệu lực'], required: false },
] as const satisfies readonly Column[];

export const AGENCY_COLUMNS = [
  { key: 'code', headings: ['Mã cơ quan', 'Mã đơn vị', 'Mã định danh'], required: true },
  { key: 'name', headings: ['Tên cơ quan', 'Tên đơn vị'], required: true },
  { key: 'parent', headings: ['Mã cơ quan cha', 'Mã cơ quan cấp trên', 'Mã đơn vị cha'], required: false },
  { key: 'level', headings: ['Cấp'], required: true },
  { key: 'receptionPoint', headings: ['Bộ phận một cửa', 'Điểm tiếp nhận'], required: false },
  { key: 'address', headings: ['Địa chỉ'], required: false },
] as const satisfies readonly Column[];

export type ProcedureCellKey = (typeof PROCEDURE_COLUMNS)[number]['key'];
export type AgencyCellKey = (typeof AGENCY_COLUMNS)[number]['key'];
export type ProcedureCells = Partial<Record<ProcedureCellKey, string>>;
export type AgencyCells = Partial<Record<AgencyCellKey, string>>;

export const columnsFor = (kind: ImportKind): readonly Column[] =>
  kind === 'procedures' ? PROCEDURE_COLUMNS : AGENCY_COLUMNS;

/** A heading as it is compared: folded, without punctuation, single spaces. */
export function headingForm(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface SheetColumns {
  /** Column index (0-based, as the sheet row's values) of each recognised key. */
  indexOf: Partial<Record<string, number>>;
  /** Required headings the sheet lacks (Vietnamese, as the docs write them). */
  missing: string[];
  /** Headings nobody reads (listed, not refused: exports carry extra columns like "STT"). */
  ignored: string[];
}

/** Which column holds which key, from the heading row's texts. */
export function columnsOf(kind: ImportKind, headingRow: readonly string[]): SheetColumns {
  const byForm = new Map<string, string>();
  for (const column of columnsFor(kind))
    for (const heading of column.headings) byForm.set(headingForm(heading), column.key);
  const indexOf: Partial<Record<string, number>> = {};
  const ignored: string[] = [];
  headingRow.forEach((text, index) => {
    const key = byForm.get(headingForm(text));
    if (key !== undefined && indexOf[key] === undefined) indexOf[key] = index;
    else if (text.trim() !== '') ignored.push(text.trim());
  });
  const missing = columnsFor(kind)
    .filter((c) => c.required && indexOf[c.key] === undefined)
    .map((c) => c.headings[0]);
  return { indexOf, missing, ignored };
}

/** One data row's cells by key (blank cells left out), from its texts and the sheet's columns. */
export function cellsOf(columns: SheetColumns, values: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, index] of Object.entries(columns.indexOf)) {
    const text = index === undefined ? '' : (values[index] ?? '').trim();
    if (text !== '') cells[key] = text;
  }
  return cells;
}

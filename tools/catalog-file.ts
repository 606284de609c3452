/**
 * Reading a catalog file (XLSX or CSV, with exceljs) into numbered lines of cells by column key, as
 * the import API takes them. The layout itself — which heading is which column — is the shared
 * pure module shared/domain/catalog/import-layout.ts, so a future upload route reads files the same way.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  cellsOf,
  columnsOf,
  type ImportKind,
  type SheetColumns,
} from '../shared/domain/catalog/import-layout';

export interface FileLine {
  /** The row number as the spreadsheet shows it (for CSV: the record number, heading = 1). */
  line: number;
  cells: Record<string, string>;
}

export interface CatalogFile {
  lines: FileLine[];
  columns: SheetColumns;
  headingLine: number;
}

/** Headings are looked for in the first rows: exports often carry a title above the table. */
const HEADING_SEARCH_ROWS = 20;

/** A cell as text. A procedure code typed into Excel as a number (1.00422) gets its six decimals back. */
function cellText(cell: ExcelJS.Cell, key: string | undefined): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date)
    return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'number' && key === 'code' && v > 0 && v < 10) return v.toFixed(6);
  if (typeof v === 'number') return String(v);
  return cell.text ?? '';
}

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (/\.csv$/i.test(file)) {
    const text = (await readFile(file, 'utf8')).replace(/^\ufeff/, '');
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    // Excel set to Vietnamese writes ";" between fields (the comma is the decimal mark).
    const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
    await workbook.csv.read(Readable.from([text]), {
      // Every field as typed: no number or date guessing ("1.004220" is a code, not 1.00422).
      map: (value: unknown) => value,
      parserOptions: { delimiter },
    } as never);
  } else {
    await workbook.xlsx.readFile(file);
  }
  return workbook;
}

export async function readCatalogFile(
  file: string,
  kind: ImportKind,
  sheetName?: string,
): Promise<CatalogFile> {
  const workbook = await loadWorkbook(file);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(`Không có trang tính "${sheetName}" / no sheet "${sheetName}"`);
  const rowTexts = (row: ExcelJS.Row, columns?: SheetColumns): string[] => {
    const keyAt = new Map(Object.entries(columns?.indexOf ?? {}).map(([k, i]) => [i, k]));
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      texts[col - 1] = cellText(cell, keyAt.get(col - 1));
    });
    return Array.from(texts, (t) => t ?? '');
  };
  let best: { columns: SheetColumns; line: number } | undefined;
  for (let r = 1; r <= Math.min(HEADING_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = columnsOf(kind, rowTexts(sheet.getRow(r)));
    if (!best || columns.missing.length < best.columns.missing.length) best = { columns, line: r };
    if (columns.missing.length === 0) break;
  }
  if (!best || best.columns.missing.length > 0)
    throw new Error(
      `Thiếu cột: ${(best?.columns.missing ?? []).join(', ')} / missing columns (docs/catalog-import.md lists the headings)`,
    );
  const lines: FileLine[] = [];
  for (let r = best.line + 1; r <= sheet.rowCount; r++) {
    const cells = cellsOf(best.columns, rowTexts(sheet.getRow(r), best.columns));
    if (Object.keys(cells).length > 0) lines.push({ line: r, cells });
  }
  return { lines, columns: best.columns, headingLine: best.line };
}

/** Lines in calls of at most `maxRows` lines and about `maxBytes` of JSON, in file order. */
export function chunkLines(lines: readonly FileLine[], maxRows: number, maxBytes: number): FileLine[][] {
  const chunks: FileLine[][] = [];
  let current: FileLine[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(JSON.stringify(line));
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

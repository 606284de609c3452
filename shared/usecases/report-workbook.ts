/**
 * Draws the export's sheets (shared/domain/reports/export-layout.ts) into an XLSX with exceljs:
 * the province's header, the period in dd/mm/yyyy, the two-level headings officials know, a
 * column-number row, then the rows (agency subtotals and the total in bold). Numbers stay numbers
 * (no formulas): the file is a record of the figures at the time it was made.
 */
import type ExcelJS from 'exceljs';
// The Workbook class alone, not the package: exceljs's entry (lib/exceljs.nodejs.js) also loads
// its streaming reader and writer (unzipper with bluebird, archiver, tmp, …), which an in-memory
// `xlsx.writeBuffer()` never touches. The same class as `require('exceljs').Workbook`
// (tests/unit/reports/workbook-import.test.ts). Imported here, not in report-export.ts, so the
// monthly summary route, which shares that module but draws no workbook, bundles no exceljs.
import Workbook from 'exceljs/lib/doc/workbook.js';
import { EXPORT_COLUMNS, type AgencyMonthSummary, type ExportSheet } from '../domain/reports';

export interface WorkbookHeader {
  province: string;
  /** `từ ngày 01/01/2026 đến ngày 31/12/2026` */
  periodText: string;
  /** dd/mm/yyyy */
  madeOn: string;
}

/** The first data row of a level sheet (after the header block and the column numbers). */
export const FIRST_DATA_ROW = 9;
const TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/** An empty workbook stamped with its maker and the instant it was made. */
export function newWorkbook(created: Date): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = 'Một cửa';
  wb.created = created;
  return wb;
}

function headerBlock(ws: ExcelJS.Worksheet, header: WorkbookHeader, subtitle: string, width: number) {
  ws.mergeCells(1, 1, 1, Math.min(width, 4));
  ws.getCell(1, 1).value = `ỦY BAN NHÂN DÂN ${header.province.toUpperCase()}`;
  ws.getCell(1, 1).font = { bold: true };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = TITLE;
  ws.getCell(2, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, width);
  ws.getCell(3, 1).value = `${subtitle} — Kỳ báo cáo: ${header.periodText}`;
  ws.getCell(3, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(4, 1, 4, width);
  ws.getCell(4, 1).value = `Ngày lập: ${header.madeOn}`;
  ws.getCell(4, 1).font = { italic: true };
  ws.getCell(4, 1).alignment = { horizontal: 'center' };
}

function headingCell(ws: ExcelJS.Worksheet, row: number, col: number, text: string) {
  const cell = ws.getCell(row, col);
  cell.value = text;
  cell.font = { bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = box;
}

export function levelSheet(wb: ExcelJS.Workbook, sheet: ExportSheet, header: WorkbookHeader) {
  const width = 2 + EXPORT_COLUMNS.length;
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 8 }] });
  headerBlock(ws, header, sheet.title, width);
  ws.mergeCells(6, 1, 7, 1);
  headingCell(ws, 6, 1, 'STT');
  ws.mergeCells(6, 2, 7, 2);
  headingCell(ws, 6, 2, 'Cơ quan / Lĩnh vực giải quyết');
  // Group headings span their columns; a one-column group spans both heading rows.
  let col = 3;
  while (col < 3 + EXPORT_COLUMNS.length) {
    const group = EXPORT_COLUMNS[col - 3].group;
    let end = col;
    while (end + 1 < 3 + EXPORT_COLUMNS.length && EXPORT_COLUMNS[end + 1 - 3].group === group) end++;
    if (end === col) {
      ws.mergeCells(6, col, 7, col);
      headingCell(ws, 6, col, group);
    } else {
      ws.mergeCells(6, col, 6, end);
      headingCell(ws, 6, col, group);
      for (let c = col; c <= end; c++) headingCell(ws, 7, c, EXPORT_COLUMNS[c - 3].heading);
    }
    col = end + 1;
  }
  for (let c = 1; c <= width; c++) {
    headingCell(ws, 8, c, `(${c})`);
    ws.getCell(8, c).font = { italic: true };
  }
  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    row.values = [r.stt, r.label, ...EXPORT_COLUMNS.map((c) => c.value(r.figures))];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.border = box;
      if (c > 2) cell.numFmt = '#,##0';
      if (r.kind !== 'field') cell.font = { bold: true };
      if (r.kind === 'total')
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    });
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 44;
  for (let c = 3; c <= width; c++) ws.getColumn(c).width = 11;
  ws.getRow(7).height = 32;
}

export const MONTH_SHEET = 'Theo cơ quan - tháng';
export const MONTH_HEADINGS = [
  'STT',
  'Cơ quan',
  'Tháng',
  'Tiếp nhận',
  'Đã giải quyết',
  'Tỷ lệ trước hạn, đúng hạn (%)',
  'Giải quyết quá hạn',
  'Đang quá hạn (cuối tháng)',
  'Xin lỗi, hẹn lại',
  'Lượt đánh giá',
  'Hài lòng (%)',
];

export function monthSheet(
  wb: ExcelJS.Workbook,
  items: ReadonlyArray<AgencyMonthSummary & { name: string }>,
  header: WorkbookHeader,
) {
  const ws = wb.addWorksheet(MONTH_SHEET, { views: [{ state: 'frozen', ySplit: 6 }] });
  headerBlock(ws, header, 'Tổng hợp hằng tháng theo cơ quan', MONTH_HEADINGS.length);
  MONTH_HEADINGS.forEach((h, i) => headingCell(ws, 6, i + 1, h));
  items.forEach((s, i) => {
    const row = ws.getRow(7 + i);
    row.values = [
      i + 1,
      s.name,
      `${s.month.slice(5, 7)}/${s.month.slice(0, 4)}`,
      s.received,
      s.resolved,
      s.onTimePercent ?? '—',
      s.resolvedLate,
      s.pendingOverdue,
      s.apologies,
      s.evaluations,
      s.satisfiedPercent ?? '—',
    ];
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = box));
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 44;
  for (let c = 3; c <= MONTH_HEADINGS.length; c++) ws.getColumn(c).width = 13;
  ws.getRow(6).height = 32;
}

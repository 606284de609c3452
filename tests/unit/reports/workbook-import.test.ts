/**
 * report-workbook.ts imports exceljs's Workbook module instead of the package (whose entry also
 * loads the streaming reader and writer: ~650 KB of exportReport's bundle). It must be the very
 * class the package exports, so the .xlsx written is the same file.
 */
import ExcelJS from 'exceljs';
import Workbook from 'exceljs/lib/doc/workbook.js';
import { newWorkbook } from '../../../shared/usecases/report-workbook';

describe("the export's workbook", () => {
  it("is exceljs's own Workbook class, stamped with its maker and instant", () => {
    expect(Workbook).toBe(ExcelJS.Workbook);
    const created = new Date('2026-12-02T00:00:00Z');
    const wb = newWorkbook(created);
    expect(wb).toBeInstanceOf(ExcelJS.Workbook);
    expect({ creator: wb.creator, created: wb.created }).toEqual({ creator: 'Một cửa', created });
  });
});

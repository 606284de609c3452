/**
 * Renders one sheet of an exported workbook to a PNG for the docs (issue 12 §5: "render one sheet
 * to a picture so officials see what they get"). LibreOffice is not on the machine, so the sheet
 * is read back with exceljs and drawn as an HTML table — merged headings, bold subtotal rows, the
 * numbers as the file holds them — and Chromium (playwright-core, Debian's /usr/bin/chromium)
 * screenshots it.
 *
 *   tsx tools/report-xlsx-png.ts <file.xlsx> "<sheet>" <out.png> [maxRows]
 *
 * `maxRows` keeps a long sheet readable: the first data rows, an ellipsis row, and the total row.
 */
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { FIRST_DATA_ROW, MONTH_SHEET } from '../shared/usecases/report-workbook';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v.toLocaleString('vi-VN');
  return String(v);
}

export function sheetHtml(ws: ExcelJS.Worksheet, maxRows: number, firstDataRow: number): string {
  const width = ws.columnCount;
  // Merged ranges: the top-left cell spans, the others are skipped.
  const spans = new Map<string, { rows: number; cols: number }>();
  const hidden = new Set<string>();
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [a, b] = range.split(':');
    const tl = ws.getCell(a);
    const br = ws.getCell(b);
    const rowStart = Number(tl.row);
    const colStart = Number(tl.col);
    spans.set(`${rowStart}:${colStart}`, {
      rows: Number(br.row) - rowStart + 1,
      cols: Number(br.col) - colStart + 1,
    });
    for (let r = rowStart; r <= Number(br.row); r++)
      for (let c = colStart; c <= Number(br.col); c++)
        if (r !== rowStart || c !== colStart) hidden.add(`${r}:${c}`);
  }
  const dataRows = ws.rowCount - firstDataRow + 1;
  const rows: number[] = [];
  for (let r = 1; r < firstDataRow; r++) rows.push(r);
  if (dataRows <= maxRows) for (let r = firstDataRow; r <= ws.rowCount; r++) rows.push(r);
  else {
    for (let r = firstDataRow; r < firstDataRow + maxRows - 1; r++) rows.push(r);
    rows.push(-1, ws.rowCount);
  }
  const html = rows.map((r) => {
    if (r === -1)
      return `<tr><td colspan="${width}" class="gap">… ${dataRows - maxRows} dòng nữa …</td></tr>`;
    const row = ws.getRow(r);
    const tds: string[] = [];
    for (let c = 1; c <= width; c++) {
      if (hidden.has(`${r}:${c}`)) continue;
      const cell = row.getCell(c);
      const span = spans.get(`${r}:${c}`);
      const attrs = span ? ` rowspan="${span.rows}" colspan="${span.cols}"` : '';
      const classes = [
        r >= firstDataRow - 3 && r < firstDataRow ? 'head' : '',
        cell.font?.bold ? 'b' : '',
        cell.font?.italic ? 'i' : '',
        cell.alignment?.horizontal === 'center' ? 'c' : '',
        typeof cell.value === 'number' ? 'n' : '',
        cell.border && Object.keys(cell.border).length > 0 ? 'box' : '',
        (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ? 'fill' : '',
      ].filter(Boolean);
      tds.push(`<td${attrs} class="${classes.join(' ')}">${esc(cellText(cell))}</td>`);
    }
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 13px/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 16px; background: #fff; }
    table { border-collapse: collapse; }
    td { padding: 3px 6px; white-space: nowrap; }
    td.box { border: 1px solid #888; }
    td.head.box { text-align: center; background: #f2f2f2; white-space: normal; max-width: 110px; }
    td.c { text-align: center; } td.b { font-weight: bold; } td.i { font-style: italic; } td.n { text-align: right; }
    td.fill { background: #e8eef7; } td.gap { text-align: center; color: #666; border: 1px solid #888; }
  </style><table>${html.join('\n')}</table>`;
}

async function main() {
  const [file, sheetName, out, max] = process.argv.slice(2);
  if (!file || !sheetName || !out) {
    console.error('usage: tsx tools/report-xlsx-png.ts <file.xlsx> "<sheet>" <out.png> [maxRows]');
    process.exit(2);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet "${sheetName}" in ${file}`);
  const firstDataRow = sheetName === MONTH_SHEET ? 7 : FIRST_DATA_ROW;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1700, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent(sheetHtml(ws, Number(max ?? 30), firstDataRow));
    await page.locator('table').screenshot({ path: out });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${out}`);
}

if (require.main === module) void main();

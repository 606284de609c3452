/**
 * `npm run examples:import`: writes docs/examples/thu-tuc-mau.{xlsx,csv} (procedures) and
 * docs/examples/co-quan-mau.{xlsx,csv} (agencies) in the layout of docs/catalog-import.md, for the
 * demo province (tenant `demo`). Committed, and reproducible from here. The writers are exported
 * for tests that build their own files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AGENCY_COLUMNS, PROCEDURE_COLUMNS } from '../shared/domain/catalog/import-layout';

export const PROCEDURE_HEADINGS = PROCEDURE_COLUMNS.map((c) => c.headings[0]);
export const AGENCY_HEADINGS = AGENCY_COLUMNS.map((c) => c.headings[0]);

/** A sheet with a title row above the headings, as the national database's export has. */
export async function writeXlsx(file: string, title: string, headings: string[], rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh mục');
  sheet.addRow([title]);
  sheet.addRow(headings).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 24));
  await workbook.xlsx.writeFile(file);
}

/** RFC 4180 CSV in UTF-8 with a BOM (so Excel opens the Vietnamese text right), headings first. */
export function csvText(headings: string[], rows: string[][]): string {
  const field = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\ufeff${[headings, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

// In PROCEDURE_COLUMNS order: code, name, field, level, agency, time, fee, documents, online, effective date.
const PROCEDURES: string[][] = [
  [
    '1.001193',
    'Đăng ký khai sinh',
    'Hộ tịch',
    'Cấp Xã',
    'UBND cấp xã',
    'Trong ngày',
    'Không',
    'Tờ khai đăng ký khai sinh\nGiấy chứng sinh',
    'Toàn trình',
    '',
  ],
  [
    '2.000815',
    'Chứng thực bản sao từ bản chính',
    'Chứng thực',
    'Cấp Xã',
    'UBND cấp xã',
    '04 giờ làm việc',
    '2.000 đồng/trang',
    'Bản chính giấy tờ\nBản sao cần chứng thực',
    'Một phần',
    '',
  ],
  [
    '2.000488',
    'Cấp Phiếu lý lịch tư pháp',
    'Lý lịch tư pháp',
    'Cấp Tỉnh',
    'Sở Tư pháp',
    '10 ngày làm việc',
    '200.000 đồng/hồ sơ',
    'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp\nBản chụp căn cước',
    'Toàn trình',
    '',
  ],
  [
    '2.001234.H99',
    'Cấp giấy phép bán lẻ sản phẩm rượu',
    'Lưu thông hàng hóa trong nước',
    'Cấp Tỉnh',
    '000.07.20.H99',
    '15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ',
    '1.200.000 đồng/hồ sơ',
    '- Đơn đề nghị cấp giấy phép\n- Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
    'Một phần',
    '',
  ],
  [
    '1.004230.H99',
    'Cung cấp thông tin đất đai',
    'Đất đai',
    'Cấp Tỉnh',
    'Sở Nông nghiệp và Môi trường',
    '03 ngày làm việc',
    '50.000 đồng/hồ sơ',
    'Phiếu yêu cầu cung cấp thông tin',
    'Toàn trình',
    '',
  ],
];

const AGENCIES: string[][] = [
  ['000.00.00.H99', 'UBND Tỉnh Demo', '', 'Cấp Tỉnh', 'không', ''],
  [
    '000.00.01.H99',
    'Trung tâm Phục vụ hành chính công tỉnh',
    '000.00.00.H99',
    'Cấp Tỉnh',
    'có',
    'Số 1 đường Trung tâm',
  ],
  ['000.05.20.H99', 'Sở Tư pháp', '000.00.00.H99', 'Cấp Tỉnh', 'không', ''],
  ['000.30.01.H99', 'UBND xã Bình Thành', '000.00.00.H99', 'Cấp Xã', 'có', 'Thôn Đông, xã Bình Thành'],
  ['000.30.03.H99', 'UBND phường Đông Hòa', '000.00.00.H99', 'Cấp Xã', 'có', 'Số 5 đường Lê Lợi'],
];

async function main() {
  const dir = path.join(__dirname, '..', 'docs', 'examples');
  await mkdir(dir, { recursive: true });
  const title = 'DANH MỤC THỦ TỤC HÀNH CHÍNH (mẫu nhập, tỉnh Demo)';
  await writeXlsx(path.join(dir, 'thu-tuc-mau.xlsx'), title, PROCEDURE_HEADINGS, PROCEDURES);
  await writeFile(path.join(dir, 'thu-tuc-mau.csv'), csvText(PROCEDURE_HEADINGS, PROCEDURES));
  await writeXlsx(
    path.join(dir, 'co-quan-mau.xlsx'),
    'CÂY CƠ QUAN (mẫu nhập, tỉnh Demo)',
    AGENCY_HEADINGS,
    AGENCIES,
  );
  await writeFile(path.join(dir, 'co-quan-mau.csv'), csvText(AGENCY_HEADINGS, AGENCIES));
  console.log(`Đã ghi 4 tệp mẫu vào ${dir} / wrote 4 example files`);
}

if (require.main === module) void main();

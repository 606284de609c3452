/** exceljs's Workbook module (shared/usecases/report-export.ts): the package's own class and types. */
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}

/**
 * The XLSX export and the monthly summary per agency (issue 12 §5). Both read the same report rows
 * as the JSON report (./reports.ts reportRows: counters only), so the file and `GET /v1/reports`
 * cannot disagree. `onProgress` lets the CLI show where a long export is.
 */
import type * as z from 'zod/mini';
import type { agencyMonthQuery, agencyMonthView, reportExportQuery } from '../api/schemas/service-index';
import { getTenant, listAgencies } from '../data/catalog-reads';
import {
  agencyMonthSummaries,
  aggregateRange,
  dayOf,
  ddmmyyyy,
  levelSheets,
  periodEnd,
  periodFirstDay,
  type AgencyInfo,
  type PeriodLevel,
} from '../domain/reports';
import { clock } from '../platform/clock';
import { NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { levelSheet, monthSheet, newWorkbook, type WorkbookHeader } from './report-workbook';
import { reportAgency, reportRows } from './reports';
import { recordAudit } from './audit';

export type Progress = (step: string) => void;

async function agencyInfo(tenant: string): Promise<Map<string, AgencyInfo>> {
  return new Map((await listAgencies(tenant)).map((a) => [a.code, { name: a.name, level: a.level }]));
}

/** The months a range of any level covers, first and last (the current month at the latest). */
function monthsOf(level: PeriodLevel, from: string, to: string): { from: string; to: string } {
  // Months not begun yet would only repeat the pending stock: the sheet stops at the current one.
  const last = dayOf(new Date(periodEnd(level, to).getTime() - 1)).slice(0, 7);
  const now = dayOf(clock.now()).slice(0, 7);
  const first = periodFirstDay(from).slice(0, 7);
  return { from: first, to: last < now ? last : now < first ? first : now };
}

async function summaries(tenant: string, agency: string | undefined, from: string, to: string) {
  const [{ rows, readUnits }, agencies] = await Promise.all([
    reportRows(tenant, { period: 'month', from, to, agency }),
    agencyInfo(tenant),
  ]);
  const items = agencyMonthSummaries(rows).map((s) => ({
    ...s,
    name: agencies.get(s.agency)?.name ?? s.agency,
  }));
  return { items, readUnits };
}

export async function getAgencyMonthSummary(
  principal: Principal,
  query: z.output<typeof agencyMonthQuery>,
): Promise<z.input<typeof agencyMonthView>> {
  const agency = reportAgency(principal, query.agency);
  const { items, readUnits } = await summaries(principal.tenant, agency, query.month, query.month);
  return { month: query.month, items, readUnits };
}

export interface ExportFile {
  bytes: Uint8Array;
  fileName: string;
  rows: number;
}

/** The workbook of a range for a tenant (the caller has authorised `agency`). */
export async function exportWorkbook(
  tenant: string,
  query: { period: PeriodLevel; from: string; to: string; agency?: string },
  onProgress: Progress = () => {},
): Promise<ExportFile> {
  const settings = await getTenant(tenant);
  if (!settings) throw new NotFoundError('Không có tỉnh này / no such tenant');
  onProgress('đọc bộ đếm báo cáo / reading the report counters');
  const [{ periods, rows }, agencies] = await Promise.all([reportRows(tenant, query), agencyInfo(tenant)]);
  onProgress(`tổng hợp ${rows.length} dòng / aggregating ${rows.length} rows`);
  const sheets = levelSheets(aggregateRange(rows, periods), agencies);
  const months = monthsOf(query.period, query.from, query.to);
  onProgress(`đọc số liệu tháng ${months.from} – ${months.to} / reading the months`);
  const monthly = await summaries(tenant, query.agency, months.from, months.to);
  const lastDay = dayOf(new Date(periodEnd(query.period, query.to).getTime() - 1));
  const header: WorkbookHeader = {
    province: settings.name,
    periodText: `từ ngày ${ddmmyyyy(periodFirstDay(query.from))} đến ngày ${ddmmyyyy(lastDay)}`,
    madeOn: ddmmyyyy(dayOf(clock.now())),
  };
  const wb = newWorkbook(clock.now());
  for (const sheet of sheets) {
    onProgress(`vẽ trang "${sheet.name}" (${sheet.rows.length} dòng) / drawing the sheet`);
    levelSheet(wb, sheet, header);
  }
  onProgress(`vẽ trang tháng (${monthly.items.length} dòng) / drawing the monthly sheet`);
  monthSheet(wb, monthly.items, header);
  onProgress('ghi tệp / writing the file');
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const range = query.from === query.to ? query.from : `${query.from}_${query.to}`;
  return { bytes, fileName: `bao-cao-tthc-${tenant}-${range}.xlsx`, rows: rows.length };
}

export async function exportReport(
  principal: Principal,
  query: z.output<typeof reportExportQuery>,
): Promise<ExportFile> {
  const agency = reportAgency(principal, query.agency);
  const file = await exportWorkbook(principal.tenant, { ...query, agency });
  // Counts, not personal data; recorded because the issue asks every export to be (who took what).
  await recordAudit(principal, 'export.report', {
    target: file.fileName,
    detail: `${query.period} ${query.from}..${query.to}${agency ? `; agency=${agency}` : ''}`,
  });
  return file;
}

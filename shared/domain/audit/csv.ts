/**
 * The audit export as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * the machine's code page and the Vietnamese is garbled), CRLF line ends, Vietnamese headers, times
 * `dd/mm/yyyy HH:mm` in Asia/Ho_Chi_Minh.
 */
import { vnParts } from '../vn-time';
import type { AuditRecord } from './record';
import { AUDIT_ACTION_LABELS } from './labels';

export const CSV_BOM = '\uFEFF';

export const AUDIT_CSV_COLUMNS: ReadonlyArray<{ header: string; value: (r: AuditRecord) => string }> = [
  { header: 'Thời điểm', value: (r) => vnDateTime(new Date(r.at)) },
  { header: 'Người thực hiện', value: (r) => r.actor.username },
  { header: 'Vai trò', value: (r) => r.actor.roles.join(', ') },
  { header: 'Cơ quan', value: (r) => r.actor.agency ?? '' },
  { header: 'Đơn vị của người thực hiện', value: (r) => r.actor.tenant },
  { header: 'Mã ứng dụng', value: (r) => r.actor.clientId ?? '' },
  { header: 'Hành động', value: (r) => AUDIT_ACTION_LABELS[r.action] },
  { header: 'Mã hành động', value: (r) => r.action },
  { header: 'Hồ sơ', value: (r) => r.dossier ?? '' },
  { header: 'Đối tượng', value: (r) => r.target ?? '' },
  { header: 'Chi tiết', value: (r) => r.detail ?? '' },
  { header: 'Chức năng', value: (r) => r.route },
  { header: 'Lý do', value: (r) => r.reason ?? '' },
  { header: 'Mã yêu cầu', value: (r) => r.requestId ?? '' },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `05/02/2027 15:30`. */
export function vnDateTime(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * One cell. Quoted when it holds a separator, a quote or a line break. A text Excel would read as
 * a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe: a reason a caller typed
 * must not run as a formula on the auditor's machine (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(records: readonly AuditRecord[]): string {
  const lines = [
    AUDIT_CSV_COLUMNS.map((c) => csvCell(c.header)).join(','),
    ...records.map((r) => AUDIT_CSV_COLUMNS.map((c) => csvCell(c.value(r))).join(',')),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

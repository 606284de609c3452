/**
 * Parsing one line of a catalog file into what the catalog stores, or into the reasons it cannot
 * be (Vietnamese / English, for the line-by-line report). Pure: the caller brings the tenant's
 * agencies. The wording each column accepts is documented in docs/catalog-import.md and is exactly
 * what the functions below read; anything else is a reason, never a guess.
 */
import type { Agency, ProcedureTime } from './model';
import { foldVietnamese } from '../text';
import type { AgencyCells, ProcedureCells } from './import-layout';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const PROCEDURE_CODE = /^\d\.\d{6}(\.[A-Z0-9]{2,6})?$/;
/** The same-day cut-off the national catalog writes: "nhận hồ sơ sau 15 giờ". */
const SAME_DAY_CUTOFF = '15:00';

const number = (text: string): number => Number(text.replace(',', '.'));

/**
 * "15 ngày làm việc", "05 ngày", "0,5 ngày", "04 giờ làm việc", "Trong ngày", with any explanation
 * after it ("… kể từ ngày nhận đủ hồ sơ hợp lệ"). A bare "ngày" is read as working days: the
 * catalog's time limits are working days unless it says otherwise, and calendar days or months
 * ("30 ngày kể cả ngày lễ", "01 tháng") are refused rather than converted.
 */
export function parseTime(text: string): Parsed<ProcedureTime> {
  const t = foldVietnamese(text);
  if (/^(ngay )?trong (ngay|ngay lam viec)\b/.test(t)) return ok({ sameDay: { cutoff: SAME_DAY_CUTOFF } });
  const m = /^(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|thang|tuan)\b(.*)$/.exec(t);
  if (!m)
    return no(
      `thời hạn "${text}" không đọc được (ví dụ: "15 ngày làm việc", "04 giờ làm việc", "Trong ngày") / unreadable time limit`,
    );
  const [, amountText, unit, rest] = m as unknown as [string, string, string, string];
  const amount = number(amountText);
  if (unit === 'thang' || unit === 'tuan' || /ke ca (ngay nghi|ngay le)|ngay lich/.test(rest))
    return no(`thời hạn "${text}" không tính bằng ngày/giờ làm việc / not in working days or hours`);
  if (!(amount > 0)) return no(`thời hạn phải lớn hơn 0 / the time limit must be positive`);
  if (unit.startsWith('gio'))
    return amount <= 2000 ? ok({ workingHours: amount }) : no('thời hạn quá 2000 giờ / over 2000 hours');
  return amount <= 365 ? ok({ workingDays: amount }) : no('thời hạn quá 365 ngày / over 365 days');
}

export interface Fee {
  fee: number;
  feeUnit: 'dossier' | 'page' | 'copy';
}

/**
 * "Không", "Miễn phí", "0" → none; "50.000 đồng/hồ sơ", "100.000đ", "2.000 đồng/trang",
 * "5.000 đồng/bản". Dots, commas or spaces group thousands. Several amounts ("Lệ phí 50.000 đồng;
 * phí thẩm định 100.000 đồng") are refused: the catalog keeps one fee per procedure.
 */
export function parseFee(text: string): Parsed<Fee> {
  const t = foldVietnamese(text);
  if (/^(khong|mien phi|mien|khong thu|khong co|0)\b/.test(t) && !/\d{2,}/.test(t))
    return ok({ fee: 0, feeUnit: 'dossier' });
  const amounts = t.match(/\d{1,3}(?:[., ]\d{3})+|\d+/g) ?? [];
  if (amounts.length === 0)
    return no(`phí "${text}" không đọc được (ví dụ: "50.000 đồng/hồ sơ", "Không") / unreadable fee`);
  if (amounts.length > 1)
    return no(`phí "${text}" có nhiều mức: ghi một mức / several amounts: give one fee`);
  const fee = Number(amounts[0]!.replace(/[., ]/g, ''));
  if (!/(dong|vnd|\dd)\b/.test(t) && !/^\d[\d., ]*$/.test(t))
    return no(`phí "${text}" không rõ đơn vị tiền (đồng) / no currency (đồng)`);
  if (fee > 1_000_000_000) return no('phí quá 1 tỷ đồng / fee over 1,000,000,000 VND');
  const unit = /\/\s*(trang)\b/.test(t) ? 'page' : /\/\s*(ban|ban sao)\b/.test(t) ? 'copy' : 'dossier';
  return ok({ fee, feeUnit: unit });
}

/** "Cấp Tỉnh" / "Cấp Xã" (and "tỉnh", "xã", "province", "commune"). Districts are gone since 01/7/2025. */
export function parseLevel(text: string): Parsed<'province' | 'commune'> {
  const t = foldVietnamese(text).replace(/^cap /, '');
  if (t === 'tinh' || t === 'province') return ok('province');
  if (t === 'xa' || t === 'commune' || t === 'xa, phuong' || t === 'xa phuong') return ok('commune');
  if (t === 'huyen')
    return no(
      'cấp huyện không còn từ 01/7/2025: ghi "Cấp Tỉnh" hoặc "Cấp Xã" / district level no longer exists',
    );
  return no(`cấp thực hiện "${text}" không rõ (ghi "Cấp Tỉnh" hoặc "Cấp Xã") / unknown level`);
}

/** "Toàn trình" → full, "Một phần" → partial, "Không" / "Thông tin trực tuyến" → none (and the old "Mức độ 4/3/2"). */
export function parseOnline(text: string): Parsed<'full' | 'partial' | 'none'> {
  const t = foldVietnamese(text);
  if (/toan trinh|muc do 4|^full$/.test(t)) return ok('full');
  if (/mot phan|muc do 3|^partial$/.test(t)) return ok('partial');
  if (/^(khong|none)$|thong tin truc tuyen|muc do (1|2)/.test(t)) return ok('none');
  return no(`mức độ DVC "${text}" không rõ ("Toàn trình", "Một phần", "Không") / unknown online level`);
}

/** One document per line (or per ";"), list marks ("-", "+", "•", "1.", "a)") dropped. */
export function parseDocuments(text: string | undefined): Parsed<string[]> {
  const items = (text ?? '')
    .split(/\r?\n|;/)
    .map((s) =>
      s
        .replace(/^\s*([-+•*]|\d+[.)]|[a-zđ]\))\s*/i, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  if (items.length > 50) return no('quá 50 thành phần hồ sơ / over 50 documents');
  const long = items.find((d) => d.length > 500);
  if (long) return no('một thành phần hồ sơ dài quá 500 ký tự / a document name over 500 characters');
  return ok(items);
}

/** "01/01/2027" (dd/mm/yyyy, as people write it) or "2027-01-01". */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return no(`ngày "${text}" không đọc được (dd/mm/yyyy) / unreadable date`);
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date)
    return no(`ngày "${text}" không có thật / no such date`);
  return ok(date);
}

/** What one procedure line says; the fields the layout has no column for are kept or defaulted by the caller. */
export interface ProcedureLine {
  code: string;
  name: string;
  field: string;
  level: 'province' | 'commune';
  competent: string;
  time: ProcedureTime;
  fee: number;
  feeUnit: Fee['feeUnit'];
  online: 'full' | 'partial' | 'none';
  documents: string[];
  /** yyyy-mm-dd, when the line has its own "Ngày hiệu lực". */
  effectiveFrom?: string;
}

export type LineResult<T> = { ok: true; value: T } | { ok: false; reasons: string[] };

const MAX = { name: 500, field: 200 } as const;

/**
 * "Cơ quan thực hiện": an agency code, or an agency's name as the tenant's tree has it (any case or
 * tone marks), or for a commune-level procedure "UBND cấp xã" / blank (the commune applied to).
 */
export function resolveCompetent(
  text: string | undefined,
  level: 'province' | 'commune' | undefined,
  agencies: readonly Agency[],
): Parsed<string> {
  const t = (text ?? '').trim();
  const folded = foldVietnamese(t);
  if (level === 'commune' && (t === '' || /^(ubnd|uy ban nhan dan) (cap )?xa\b/.test(folded)))
    return ok('commune');
  if (t === '') return no('thiếu cơ quan thực hiện / no implementing agency');
  if (AGENCY_CODE.test(t))
    return agencies.some((a) => a.code === t) ? ok(t) : no(`không có cơ quan mã ${t} / unknown agency ${t}`);
  const named = agencies.filter((a) => foldVietnamese(a.name) === folded);
  if (named.length === 1) return ok(named[0]!.code);
  if (named.length > 1)
    return no(`nhiều cơ quan tên "${t}": ghi mã cơ quan / several agencies are named so: give the code`);
  return no(`không có cơ quan "${t}" trong cây cơ quan / no such agency in the tree`);
}

export function parseProcedureLine(
  cells: ProcedureCells,
  agencies: readonly Agency[],
): LineResult<ProcedureLine> {
  const reasons: string[] = [];
  const take = <T>(parsed: Parsed<T>): T | undefined =>
    parsed.ok ? parsed.value : (reasons.push(parsed.reason), undefined);
  const code = (cells.code ?? '').trim();
  if (!code) reasons.push('thiếu mã thủ tục / no procedure code');
  else if (!PROCEDURE_CODE.test(code))
    reasons.push(`mã thủ tục "${code}" sai dạng (ví dụ 1.001193) / malformed procedure code`);
  const text = (key: 'name' | 'field', label: string) => {
    const value = (cells[key] ?? '').replace(/\s+/g, ' ').trim();
    if (!value) reasons.push(`thiếu ${label} / no ${key}`);
    else if (value.length > MAX[key]) reasons.push(`${label} dài quá ${MAX[key]} ký tự / ${key} too long`);
    return value;
  };
  const name = text('name', 'tên thủ tục');
  const field = text('field', 'lĩnh vực');
  const level = cells.level
    ? take(parseLevel(cells.level))
    : (reasons.push('thiếu cấp thực hiện / no level'), undefined);
  const competent = take(resolveCompetent(cells.agency, level, agencies));
  const time = cells.time
    ? take(parseTime(cells.time))
    : (reasons.push('thiếu thời hạn giải quyết / no time limit'), undefined);
  const fee = take(parseFee(cells.fee ?? 'Không'));
  const online = cells.online ? take(parseOnline(cells.online)) : 'none';
  const documents = take(parseDocuments(cells.documents));
  const effectiveFrom = cells.effectiveFrom ? take(parseDate(cells.effectiveFrom)) : undefined;
  if (reasons.length > 0 || !level || !competent || !time || !fee || !online || !documents)
    return { ok: false, reasons };
  return {
    ok: true,
    value: {
      code,
      name,
      field,
      level,
      competent,
      time,
      ...fee,
      online,
      documents,
      ...(effectiveFrom ? { effectiveFrom } : {}),
    },
  };
}

/** "có"/"x"/"yes" → a one-stop counter; blank or "không" → not. */
export function parseYesNo(text: string | undefined): Parsed<boolean> {
  const t = foldVietnamese(text ?? '');
  if (t === '' || /^(khong|no|false|0)$/.test(t)) return ok(false);
  if (/^(co|x|yes|true|1)$/.test(t)) return ok(true);
  return no(`"${text}" không phải có/không / not yes/no`);
}

export function parseAgencyLine(cells: AgencyCells): LineResult<Agency> {
  const reasons: string[] = [];
  const code = (cells.code ?? '').trim();
  if (!code) reasons.push('thiếu mã cơ quan / no agency code');
  else if (!AGENCY_CODE.test(code))
    reasons.push(`mã cơ quan "${code}" sai dạng NNN.NN.NN.Hxx / malformed agency code`);
  const name = (cells.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name) reasons.push('thiếu tên cơ quan / no agency name');
  else if (name.length > 300) reasons.push('tên cơ quan dài quá 300 ký tự / name too long');
  const parent = (cells.parent ?? '').trim() || null;
  if (parent !== null && !AGENCY_CODE.test(parent))
    reasons.push(`mã cơ quan cha "${parent}" sai dạng / malformed parent code`);
  if (parent !== null && parent === code)
    reasons.push('cơ quan không thể là cha của chính nó / its own parent');
  const level = cells.level ? parseLevel(cells.level) : no<'province'>('thiếu cấp / no level');
  if (!level.ok) reasons.push(level.reason);
  const reception = parseYesNo(cells.receptionPoint);
  if (!reception.ok) reasons.push(`bộ phận một cửa: ${reception.reason}`);
  const address = (cells.address ?? '').replace(/\s+/g, ' ').trim();
  if (address.length > 500) reasons.push('địa chỉ dài quá 500 ký tự / address too long');
  if (reasons.length > 0 || !level.ok || !reception.ok) return { ok: false, reasons };
  return {
    ok: true,
    value: {
      code,
      name,
      parent,
      level: level.value,
      receptionPoint: reception.value,
      ...(address ? { address } : {}),
    },
  };
}

/**
 * The plan an imported procedure gets when the file has no steps (the national export has none):
 * reception at the one-stop counter → specialist → leader at the competent agency → return at the
 * counter, the four hand-offs of Decree 61/2018's control sheet. The allowances add up to the
 * procedure's time limit, so the planned steps end on the appointment; counters and leaders get
 * short fixed shares (half a day or an hour) and the specialist the rest.
 */
import type { Agency, ProcedureStep, ProcedureTime } from './model';

const HOURS_IN_A_DAY = 8;
const roundHalf = (n: number) => Math.max(0.5, Math.round(n * 2) / 2);

/**
 * Where a procedure's dossiers are received: the competent agency when it has its own counter
 * (and always for commune procedures: the commune applied to), otherwise the province's public
 * service centre (the province-level reception point), otherwise the competent agency itself.
 */
export function receivingCounter(competent: string, agencies: readonly Agency[]): string | undefined {
  if (competent === 'commune') return undefined;
  if (agencies.find((a) => a.code === competent)?.receptionPoint) return undefined;
  return agencies.find((a) => a.receptionPoint && a.level === 'province')?.code;
}

export function defaultSteps(
  time: ProcedureTime,
  competent: string,
  agencies: readonly Agency[],
): ProcedureStep[] {
  const counter = receivingCounter(competent, agencies);
  const at = counter ? { agency: counter } : {};
  const days = time.workingDays;
  if (days !== undefined && days > 2) {
    const leader = roundHalf(days * 0.2);
    return [
      { name: 'Tiếp nhận hồ sơ', ...at, role: 'reception', days: 0.5 },
      { name: 'Thẩm định, xử lý', role: 'specialist', days: days - 1 - leader },
      { name: 'Phê duyệt, ký', role: 'leader', days: leader },
      { name: 'Trả kết quả', ...at, role: 'reception', days: 0.5 },
    ];
  }
  // Short limits are planned in hours (a same-day procedure must be: its steps fit one working day).
  const hours = time.workingHours ?? (days !== undefined ? days * HOURS_IN_A_DAY : HOURS_IN_A_DAY);
  if (hours < 4)
    return [
      { name: 'Tiếp nhận hồ sơ', ...at, role: 'reception', hours: hours / 2 },
      { name: 'Giải quyết, ký', role: 'leader', hours: hours / 2 },
    ];
  const leader = roundHalf(hours * 0.2);
  return [
    { name: 'Tiếp nhận hồ sơ', ...at, role: 'reception', hours: 1 },
    { name: 'Thẩm định, xử lý', role: 'specialist', hours: hours - 2 - leader },
    { name: 'Phê duyệt, ký', role: 'leader', hours: leader },
    { name: 'Trả kết quả', ...at, role: 'reception', hours: 1 },
  ];
}

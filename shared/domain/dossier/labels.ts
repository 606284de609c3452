/** Vietnamese labels for what citizens and staff read. */
export { STATUS_LABELS } from '../lifecycle/statuses';
export { HISTORY_LABELS as EVENT_LABELS } from '../lifecycle/events';

/**
 * Early / on time / late, as form 06 and the decrees' statistics word them ("trước hạn, đúng
 * hạn, quá hạn"): one word, "Quá hạn", for late, whether finished late or still pending past due.
 */
export const TIMELINESS_LABELS = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' } as const;

export const CHANNEL_LABELS = {
  counter: 'Trực tiếp tại quầy',
  online: 'Trực tuyến',
  postal: 'Qua bưu chính công ích',
} as const;

/** '15:00' → '15 giờ', '15:30' → '15 giờ 30'. */
const clockText = (hhmm: string) => {
  const [h, m] = hhmm.split(':');
  return m === '00' ? `${Number(h)} giờ` : `${Number(h)} giờ ${m}`;
};

/** A time limit as the receipt (form 01) and the catalog word it. */
export function allowanceText(a: {
  workingDays?: number;
  workingHours?: number;
  sameDay?: { cutoff?: string };
}): string {
  if (a.sameDay)
    return `Trong ngày tiếp nhận hồ sơ; nhận sau ${clockText(a.sameDay.cutoff ?? '15:00')} thì trả trong ngày làm việc tiếp theo`;
  return a.workingDays !== undefined ? `${a.workingDays} ngày làm việc` : `${a.workingHours} giờ làm việc`;
}

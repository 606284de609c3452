/** Vietnamese labels for what citizens and staff read. */
import type { DossierStatus } from '../../api/schemas/dossier';
import type { DossierEvent } from './model';

export const STATUS_LABELS: Record<DossierStatus, string> = {
  submitted: 'Đã nộp trực tuyến, chờ tiếp nhận',
  supplementRequested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  inProgress: 'Đang giải quyết',
  paused: 'Tạm dừng, chờ bổ sung',
  approved: 'Đã phê duyệt',
  signed: 'Đã ký, đóng dấu',
  resultReady: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
};

export const EVENT_LABELS: Record<DossierEvent['type'], string> = {
  submitted: 'Nộp hồ sơ',
  received: 'Tiếp nhận hồ sơ, hẹn trả kết quả',
  supplementRequested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  receptionRefused: 'Từ chối tiếp nhận hồ sơ',
  refused: 'Từ chối giải quyết hồ sơ',
  assigned: 'Phân công xử lý',
  forwarded: 'Chuyển bước xử lý',
  sentBack: 'Trả lại bước trước',
  processingPaused: 'Tạm dừng, yêu cầu bổ sung',
  supplementReceived: 'Nhận hồ sơ bổ sung, tiếp tục xử lý',
  approved: 'Phê duyệt',
  signed: 'Ký, đóng dấu',
  apologized: 'Xin lỗi và hẹn lại ngày trả kết quả',
  resultReady: 'Có kết quả, chờ trả',
  returned: 'Trả kết quả',
  withdrawn: 'Rút hồ sơ',
  resubmitted: 'Nộp bổ sung, chờ tiếp nhận lại',
};

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

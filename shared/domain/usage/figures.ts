/**
 * What a tenant used in a month (issue 10 §4): the figures kept per tenant and month, their labels,
 * and the event types that move them. Pure: the counter (shared/usecases/usage.ts) and the API
 * schema (shared/api/schemas/usage.ts) read these.
 */
import { DEADLINES_CHANGED, ALARM_TYPES } from '../lifecycle/event-types';

/** The counters of one tenant's month; each is ADDed to, never set. */
export const USAGE_COUNTERS = [
  'receivedCounter',
  'receivedOnline',
  'receivedPostal',
  'actions',
  'attachmentBytesAdded',
  'attachmentByteSeconds',
  'webhookDeliveries',
  'webhookDeliveriesFailed',
  'notificationsSent',
  'apiCalls',
  // API calls by caller and outcome (./api-calls.ts); `apiCalls` is their total.
  'apiCallsPublic',
  'apiCallsStaff',
  'apiCallsAgencySystem',
  'apiCallsClientErrors',
  'apiCallsServerErrors',
] as const;
export type UsageCounter = (typeof USAGE_COUNTERS)[number];
export type UsageIncrements = Partial<Record<UsageCounter, number>>;

export const USAGE_LABELS: Record<UsageCounter, { vi: string; en: string }> = {
  receivedCounter: { vi: 'Hồ sơ nộp tại quầy', en: 'dossiers received at a counter' },
  receivedOnline: { vi: 'Hồ sơ nộp trực tuyến', en: 'dossiers received online' },
  receivedPostal: { vi: 'Hồ sơ nộp qua bưu chính', en: 'dossiers received by post' },
  actions: { vi: 'Thao tác xử lý hồ sơ', en: 'lifecycle actions on dossiers' },
  attachmentBytesAdded: { vi: 'Dung lượng tệp đính kèm thêm mới (byte)', en: 'attachment bytes stored' },
  attachmentByteSeconds: {
    vi: 'Byte × giây lưu trữ tệp thêm trong tháng',
    en: 'byte-seconds of the attachments added this month, to the month’s end',
  },
  webhookDeliveries: { vi: 'Lần gửi webhook thành công', en: 'webhook deliveries that succeeded' },
  webhookDeliveriesFailed: { vi: 'Webhook gửi thất bại (bỏ cuộc)', en: 'webhook deliveries given up' },
  notificationsSent: { vi: 'Thông báo đã gửi (thư, SMS)', en: 'notifications sent (e-mail, SMS)' },
  apiCalls: { vi: 'Lượt gọi API', en: 'API calls' },
  apiCallsPublic: { vi: 'Lượt gọi API công khai (người dân)', en: 'public API calls (applicants)' },
  apiCallsStaff: { vi: 'Lượt gọi API của cán bộ', en: 'API calls by staff' },
  apiCallsAgencySystem: { vi: 'Lượt gọi API của hệ thống cơ quan', en: 'API calls by agency systems' },
  apiCallsClientErrors: { vi: 'Lượt gọi API bị từ chối (4xx)', en: 'API calls answered 4xx' },
  apiCallsServerErrors: { vi: 'Lượt gọi API lỗi máy chủ (5xx)', en: 'API calls answered 5xx' },
};

/** A dossier's arrival: counted once per dossier, by channel. */
export const SUBMITTED_EVENT = 'dossier.submitted';

/**
 * The outbox types the usage queue receives: every history line (a submission or an action), none
 * of the clock's (deadline changes and alarms are the system's doing, not the tenant's use).
 */
export const NOT_USAGE_EVENT_TYPES: readonly string[] = [DEADLINES_CHANGED, ...ALARM_TYPES];

/**
 * The history line each action of the lifecycle table (./table.ts) writes: its type on the control
 * sheet (form 06), the outbox event announcing it and its labels, keyed like the table and in its
 * order; each table entry spreads its own. Apart from the table's guards and effects so that the
 * routes that only show or announce history (tracking, views, webhooks, the event catalog in
 * ./events.ts) name the lines without bundling the whole table (issue 14: 15.5 KB minified).
 */
import type { Labels } from './spec';

/** The line a dossier gets when it is submitted: not an action (there is no dossier yet), but history. */
export const SUBMISSION = {
  history: 'submitted',
  outbox: 'dossier.submitted',
  label: { vi: 'Nộp hồ sơ', en: 'Submitted' } satisfies Labels,
} as const;

export const ACTION_LINES = {
  accept: {
    history: 'received',
    outbox: 'dossier.received',
    label: { vi: 'Tiếp nhận hồ sơ, hẹn trả kết quả', en: 'Received, appointment given' },
  },
  requestSupplementAtReception: {
    history: 'supplementRequested',
    outbox: 'dossier.supplement_requested',
    label: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement requested at reception' },
  },
  refuseAtReception: {
    history: 'receptionRefused',
    outbox: 'dossier.refused',
    label: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Refused at reception' },
  },
  resubmit: {
    history: 'resubmitted',
    outbox: 'dossier.resubmitted',
    label: { vi: 'Nộp bổ sung, chờ tiếp nhận lại', en: 'Resubmitted, waiting for reception' },
  },
  assign: {
    history: 'assigned',
    outbox: 'dossier.assigned',
    label: { vi: 'Phân công xử lý', en: 'Assigned' },
  },
  forward: {
    history: 'forwarded',
    outbox: 'dossier.forwarded',
    label: { vi: 'Chuyển bước xử lý', en: 'Handed on to the next step' },
  },
  sendBack: {
    history: 'sentBack',
    outbox: 'dossier.sent_back',
    label: { vi: 'Trả lại bước trước', en: 'Sent back to an earlier step' },
  },
  requestSupplement: {
    history: 'processingPaused',
    outbox: 'dossier.paused',
    label: { vi: 'Tạm dừng, yêu cầu bổ sung', en: 'Paused for a supplement' },
  },
  receiveSupplement: {
    history: 'supplementReceived',
    outbox: 'dossier.resumed',
    label: { vi: 'Nhận hồ sơ bổ sung, tiếp tục xử lý', en: 'Supplement received, processing resumes' },
  },
  approve: {
    history: 'approved',
    outbox: 'dossier.approved',
    label: { vi: 'Phê duyệt', en: 'Approved' },
  },
  sign: {
    history: 'signed',
    outbox: 'dossier.signed',
    label: { vi: 'Ký, đóng dấu', en: 'Signed and sealed' },
  },
  apologize: {
    history: 'apologized',
    outbox: 'dossier.apologized',
    label: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and new appointment' },
  },
  markResultReady: {
    history: 'resultReady',
    outbox: 'dossier.result_ready',
    label: { vi: 'Có kết quả, chờ trả', en: 'Result ready' },
  },
  returnResult: {
    history: 'returned',
    outbox: 'dossier.returned',
    label: { vi: 'Trả kết quả', en: 'Result returned' },
  },
  refuse: {
    history: 'refused',
    outbox: 'dossier.refused',
    label: { vi: 'Từ chối giải quyết hồ sơ', en: 'Refused' },
  },
  withdraw: {
    history: 'withdrawn',
    outbox: 'dossier.withdrawn',
    label: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  },
  evaluate: {
    history: 'evaluated',
    outbox: 'dossier.evaluated',
    label: { vi: 'Đánh giá mức độ hài lòng', en: 'Rated by the applicant' },
  },
} as const satisfies Record<string, { history: string; outbox: string; label: Labels }>;

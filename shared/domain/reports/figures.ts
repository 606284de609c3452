/**
 * THE REPORT FIGURES (issue 12 §2), written once: every figure's name and meaning in Vietnamese
 * and English. The counter function (./count.ts), the brute-force recount (./recount.ts), the
 * report assembly (./assemble.ts), the report API's schema and docs/reports.md read this table.
 *
 * Two kinds:
 *  - flows: counted in the period (Asia/Ho_Chi_Minh date) the event happened; stored as counters.
 *  - stocks (carried over, pending, pending overdue / within deadline): never stored; derived at
 *    read time from the flows of earlier periods (./assemble.ts), so they cannot drift apart from them.
 *
 * The identity, in every cell and period, holds by construction of the stocks:
 *   resolved + refused + withdrawn + pending = carriedOver + received
 * with resolved = resolvedEarly + resolvedOnTime + resolvedLate and
 *   pending = carriedOver + received − resolved − refused − withdrawn,
 *   carriedOver(P) = pending(end of the period before P).
 * What makes it meaningful (not only arithmetic) is that `pending` then equals a brute-force count
 * of the dossiers accepted and not yet closed at the period's end: the unit test checks that.
 */
export interface FigureSpec {
  vi: string;
  en: string;
  kind: 'flow' | 'stock';
}

export const FIGURES = {
  carriedOver: {
    vi: 'Số hồ sơ kỳ trước chuyển qua (chưa giải quyết xong cuối kỳ trước)',
    en: 'Carried over: accepted, not closed at the end of the previous period',
    kind: 'stock',
  },
  received: {
    vi: 'Số hồ sơ tiếp nhận mới trong kỳ (mọi kênh)',
    en: 'Received (accepted) in the period, every channel',
    kind: 'flow',
  },
  receivedCounter: {
    vi: 'Tiếp nhận trực tiếp tại bộ phận một cửa',
    en: 'Received at a counter',
    kind: 'flow',
  },
  receivedOnline: { vi: 'Tiếp nhận trực tuyến', en: 'Received online', kind: 'flow' },
  receivedPostal: { vi: 'Tiếp nhận qua dịch vụ bưu chính', en: 'Received by post', kind: 'flow' },
  resolvedEarly: {
    vi: 'Đã giải quyết trước hạn (có kết quả trước ngày hẹn)',
    en: 'Resolved early: result ready on a day before the appointment’s',
    kind: 'flow',
  },
  resolvedOnTime: {
    vi: 'Đã giải quyết đúng hạn (có kết quả trong ngày hẹn, không quá giờ hẹn)',
    en: 'Resolved on time: result ready on the appointment’s day, not after it',
    kind: 'flow',
  },
  resolvedLate: {
    vi: 'Đã giải quyết quá hạn (có kết quả sau thời điểm hẹn)',
    en: 'Resolved late: result ready after the appointment',
    kind: 'flow',
  },
  refused: {
    vi: 'Từ chối giải quyết (sau khi đã tiếp nhận)',
    en: 'Refused after acceptance (refusals at reception are not received dossiers)',
    kind: 'flow',
  },
  withdrawn: {
    vi: 'Công dân rút hồ sơ (sau khi đã tiếp nhận)',
    en: 'Withdrawn after acceptance',
    kind: 'flow',
  },
  pending: {
    vi: 'Đang giải quyết cuối kỳ',
    en: 'Pending at the end of the period',
    kind: 'stock',
  },
  pendingWithinDeadline: {
    vi: 'Đang giải quyết, chưa đến hạn (cuối kỳ)',
    en: 'Pending within the deadline at the end of the period',
    kind: 'stock',
  },
  pendingOverdue: {
    vi: 'Đang giải quyết, đã quá hạn (cuối kỳ)',
    en: 'Pending and overdue at the end of the period',
    kind: 'stock',
  },
  becameOverdue: {
    vi: 'Số hồ sơ trở thành quá hạn trong kỳ (ngày hẹn đã qua khi chưa giải quyết)',
    en: 'Became overdue in the period (its appointment passed while open; counted once per dossier)',
    kind: 'flow',
  },
  overdueClosed: {
    vi: 'Số hồ sơ quá hạn đã kết thúc trong kỳ (có kết quả, từ chối hoặc rút)',
    en: 'Overdue dossiers closed in the period (result ready, refused or withdrawn)',
    kind: 'flow',
  },
  supplementRequests: {
    vi: 'Số lần yêu cầu bổ sung, tạm dừng trong quá trình giải quyết',
    en: 'Supplement requests while processing (each pause)',
    kind: 'flow',
  },
  apologies: {
    vi: 'Số văn bản xin lỗi, hẹn lại (mẫu 04)',
    en: 'Apologies and new appointments (form 04)',
    kind: 'flow',
  },
  returnedByPost: { vi: 'Trả kết quả qua dịch vụ bưu chính', en: 'Results returned by post', kind: 'flow' },
  evaluationsVeryGood: { vi: 'Đánh giá: Rất hài lòng', en: 'Rated very satisfied', kind: 'flow' },
  evaluationsGood: { vi: 'Đánh giá: Hài lòng', en: 'Rated satisfied', kind: 'flow' },
  evaluationsFair: { vi: 'Đánh giá: Bình thường', en: 'Rated neutral', kind: 'flow' },
  evaluationsPoor: { vi: 'Đánh giá: Không hài lòng', en: 'Rated not satisfied', kind: 'flow' },
} as const satisfies Record<string, FigureSpec>;

export type Figure = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as Figure[];
export type FlowFigure = { [K in Figure]: (typeof FIGURES)[K]['kind'] extends 'flow' ? K : never }[Figure];
export type StockFigure = Exclude<Figure, FlowFigure>;
export const FLOW_FIGURES = FIGURE_KEYS.filter((f) => FIGURES[f].kind === 'flow') as FlowFigure[];

export type Flows = Partial<Record<FlowFigure, number>>;
export type Figures = Record<Figure, number>;

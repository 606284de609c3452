/**
 * Every status a dossier can be in, written once: its labels and whether it is final. The API's
 * status enum, the views' labels and the generated docs/lifecycle.md read this table; which
 * actions leave a status is in ./table.ts.
 */
interface StatusSpec {
  vi: string;
  en: string;
  /** Nothing more happens to a final dossier: no action, no clock, no new attachment. */
  final: boolean;
}

const statuses = {
  submitted: { vi: 'Đã nộp trực tuyến, chờ tiếp nhận', en: 'Submitted, waiting for reception', final: false },
  supplementRequested: {
    vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    en: 'Supplement requested at reception',
    final: false,
  },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused', final: true },
  received: { vi: 'Đã tiếp nhận', en: 'Received', final: false },
  inProgress: { vi: 'Đang giải quyết', en: 'In progress', final: false },
  paused: { vi: 'Tạm dừng, chờ bổ sung', en: 'Paused for a supplement', final: false },
  approved: { vi: 'Đã phê duyệt', en: 'Approved', final: false },
  signed: { vi: 'Đã ký, đóng dấu', en: 'Signed and sealed', final: false },
  resultReady: { vi: 'Đã có kết quả, chờ trả', en: 'Result ready', final: false },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned', final: true },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn', final: true },
} as const satisfies Record<string, StatusSpec>;

export type DossierStatus = keyof typeof statuses;
export const STATUSES: Readonly<Record<DossierStatus, StatusSpec>> = statuses;
export const DOSSIER_STATUSES = Object.keys(statuses) as [DossierStatus, ...DossierStatus[]];
export const FINAL_STATUSES: ReadonlySet<DossierStatus> = new Set(
  DOSSIER_STATUSES.filter((s) => statuses[s].final),
);
export const STATUS_LABELS = Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, statuses[s].vi])) as Record<
  DossierStatus,
  string
>;

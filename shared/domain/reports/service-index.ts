/**
 * THE SERVICE INDEX (issue 12 §4), in the shape of Decision 766/2022/QĐ-TTg (Bộ chỉ số chỉ đạo,
 * điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp): six groups, 100 points. Written
 * once here; the index route, the XLSX export and docs/reports.md (`npm run docs:reports`) read it.
 *
 * Each group is a few indicators; each indicator has points (summing to the group's maximum) and a
 * ratio in 0..1 taken from the report figures (what the system counts) or from inputs the province
 * enters (what the system does not hold: online payments, portal publication, feedback handling).
 *
 *   points(indicator) = points × min(1, ratio / target)        target ∈ (0, 1], default 1
 *
 * so a province meeting the target gets the full points and one below it gets them in proportion.
 * The target is where the decision leaves room (each ministry and province sets its own yearly
 * goal): it is a tenant setting (`serviceIndex.targets`), with 1 as the default.
 *
 * Missing data, documented behaviour: an indicator whose ratio cannot be computed because an input
 * was not entered scores 0 and is listed as `missing` (no evidence, no points — the decision scores
 * evidence). An indicator whose denominator is 0 because nothing happened (no late dossier to
 * apologise for, no feedback received) scores its full points: there was nothing to fail.
 * Satisfaction with no evaluation at all is `missing` (0): an absence of ratings is not satisfaction.
 */
import type { Figures } from './figures';
import { INDICATOR_KEYS, type IndicatorKey } from './indicator-keys';

export { INDICATOR_KEYS, type IndicatorKey };

export const SERVICE_INDEX_GROUPS = {
  publicity: { vi: 'Công khai, minh bạch', en: 'Openness and transparency', max: 18 },
  progress: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results', max: 20 },
  online: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online public services', max: 12 },
  payment: { vi: 'Thanh toán trực tuyến', en: 'Online payment', max: 10 },
  digitisation: { vi: 'Số hóa hồ sơ, kết quả', en: 'Digitisation of dossiers and results', max: 22 },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction', max: 18 },
} as const;
export type ServiceIndexGroup = keyof typeof SERVICE_INDEX_GROUPS;
export const SERVICE_INDEX_GROUP_KEYS = Object.keys(SERVICE_INDEX_GROUPS) as ServiceIndexGroup[];

/** What the province enters: counts for the period that the system cannot know. */
export const SERVICE_INDEX_INPUTS = {
  proceduresPublished: {
    vi: 'Số TTHC được công khai đầy đủ trên Cổng Dịch vụ công',
    en: 'Procedures fully published on the public service portal',
  },
  feedbackReceived: { vi: 'Số phản ánh, kiến nghị tiếp nhận', en: 'Feedback and petitions received' },
  feedbackHandledOnTime: {
    vi: 'Số phản ánh, kiến nghị xử lý đúng hạn',
    en: 'Feedback and petitions handled on time',
  },
  paymentsDue: {
    vi: 'Số hồ sơ phải nộp phí, lệ phí, nghĩa vụ tài chính',
    en: 'Dossiers with a fee or financial obligation to pay',
  },
  paymentsOnline: {
    vi: 'Số hồ sơ đã thanh toán trực tuyến',
    en: 'Dossiers paid online',
  },
  dossiersDigitised: {
    vi: 'Số hồ sơ tiếp nhận được số hóa thành phần hồ sơ',
    en: 'Received dossiers whose documents were digitised',
  },
  resultsDigitised: {
    vi: 'Số kết quả giải quyết được số hóa, cấp bản điện tử',
    en: 'Results digitised or issued electronically',
  },
} as const;
export type ServiceIndexInput = keyof typeof SERVICE_INDEX_INPUTS;
export const SERVICE_INDEX_INPUT_KEYS = Object.keys(SERVICE_INDEX_INPUTS) as ServiceIndexInput[];
export type ServiceIndexInputs = Partial<Record<ServiceIndexInput, number>>;

/** What the system knows besides the figures: the catalog's procedures and their online level. */
export interface CatalogCounts {
  procedures: number;
  proceduresFullyOnline: number;
}

export interface ServiceIndexSettings {
  /** Ratio at which an indicator earns its full points, per indicator; default 1. */
  targets?: Partial<Record<IndicatorKey, number>>;
  /** Weight of a "Bình thường" rating in the satisfaction ratio (Rất hài lòng, Hài lòng: 1; Không: 0). */
  fairWeight?: number;
}
export const DEFAULT_FAIR_WEIGHT = 0.5;

/** A ratio, or why there is none. */
type Ratio = { ratio: number } | { missing: ServiceIndexInput[] } | { noEvaluations: true };
interface IndicatorSource {
  figures: Figures;
  inputs: ServiceIndexInputs;
  catalog: CatalogCounts;
  fairWeight: number;
}

/** numerator / denominator; full marks when the denominator is 0 (nothing happened to fail). */
const ratio = (num: number, den: number): Ratio => ({ ratio: den <= 0 ? 1 : Math.min(1, num / den) });
const needs = (inputs: ServiceIndexInputs, keys: ServiceIndexInput[], then: () => Ratio): Ratio => {
  const missing = keys.filter((k) => inputs[k] === undefined);
  return missing.length > 0 ? { missing } : then();
};
const resolvedOf = (f: Figures) => f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;

/**
 * The indicators, their points and formulas. `approximate` says where the system's figure stands in
 * for what the decision measures (docs/reports.md shows it).
 */
export const SERVICE_INDEX_INDICATORS = {
  proceduresPublished: {
    group: 'publicity',
    points: 6,
    vi: 'Tỷ lệ TTHC công khai đầy đủ, đúng quy định',
    en: 'Procedures published / procedures in the catalog',
    formula: 'proceduresPublished / catalog procedures',
    approximate: false,
    compute: (s: IndicatorSource) =>
      needs(s.inputs, ['proceduresPublished'], () =>
        ratio(s.inputs.proceduresPublished!, s.catalog.procedures),
      ),
  },
  progressPublished: {
    group: 'publicity',
    points: 6,
    vi: 'Tỷ lệ hồ sơ được công khai tiến độ, kết quả trực tuyến',
    en: 'Dossiers whose progress is public online (every dossier has a tracking page)',
    formula: '1: every received dossier has a public tracking page',
    approximate: true,
    compute: (): Ratio => ({ ratio: 1 }),
  },
  feedbackHandled: {
    group: 'publicity',
    points: 6,
    vi: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn',
    en: 'Feedback handled on time / feedback received',
    formula: 'feedbackHandledOnTime / feedbackReceived',
    approximate: false,
    compute: (s: IndicatorSource) =>
      needs(s.inputs, ['feedbackReceived', 'feedbackHandledOnTime'], () =>
        ratio(s.inputs.feedbackHandledOnTime!, s.inputs.feedbackReceived!),
      ),
  },
  resolvedOnTime: {
    group: 'progress',
    points: 12,
    vi: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
    en: 'Resolved early or on time / resolved',
    formula: '(resolvedEarly + resolvedOnTime) / (resolvedEarly + resolvedOnTime + resolvedLate)',
    approximate: false,
    compute: (s: IndicatorSource) =>
      ratio(s.figures.resolvedEarly + s.figures.resolvedOnTime, resolvedOf(s.figures)),
  },
  pendingWithinDeadline: {
    group: 'progress',
    points: 4,
    vi: 'Tỷ lệ hồ sơ đang giải quyết còn trong hạn (cuối kỳ)',
    en: 'Pending within the deadline / pending, at the end of the period',
    formula: 'pendingWithinDeadline / pending',
    approximate: false,
    compute: (s: IndicatorSource) => ratio(s.figures.pendingWithinDeadline, s.figures.pending),
  },
  apologised: {
    group: 'progress',
    points: 4,
    vi: 'Tỷ lệ hồ sơ quá hạn có văn bản xin lỗi, hẹn lại',
    en: 'Apologies / dossiers that became overdue in the period',
    formula: 'apologies / becameOverdue (an apology may precede the appointment it moves)',
    approximate: true,
    compute: (s: IndicatorSource) => ratio(s.figures.apologies, s.figures.becameOverdue),
  },
  proceduresOnline: {
    group: 'online',
    points: 6,
    vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình',
    en: 'Procedures offered fully online / procedures in the catalog',
    formula: 'catalog procedures with online = full / catalog procedures',
    approximate: false,
    compute: (s: IndicatorSource) => ratio(s.catalog.proceduresFullyOnline, s.catalog.procedures),
  },
  receivedOnline: {
    group: 'online',
    points: 6,
    vi: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    en: 'Received online / received',
    formula: 'receivedOnline / received',
    approximate: false,
    compute: (s: IndicatorSource) => ratio(s.figures.receivedOnline, s.figures.received),
  },
  paidOnline: {
    group: 'payment',
    points: 10,
    vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    en: 'Dossiers paid online / dossiers with a payment',
    formula: 'paymentsOnline / paymentsDue',
    approximate: false,
    compute: (s: IndicatorSource) =>
      needs(s.inputs, ['paymentsDue', 'paymentsOnline'], () =>
        ratio(s.inputs.paymentsOnline!, s.inputs.paymentsDue!),
      ),
  },
  dossiersDigitised: {
    group: 'digitisation',
    points: 11,
    vi: 'Tỷ lệ hồ sơ được số hóa khi tiếp nhận',
    en: 'Dossiers digitised / received (online dossiers are digital already)',
    formula: 'max(dossiersDigitised, receivedOnline) / received',
    approximate: true,
    compute: (s: IndicatorSource) =>
      needs(s.inputs, ['dossiersDigitised'], () =>
        ratio(Math.max(s.inputs.dossiersDigitised!, s.figures.receivedOnline), s.figures.received),
      ),
  },
  resultsDigitised: {
    group: 'digitisation',
    points: 11,
    vi: 'Tỷ lệ kết quả giải quyết được số hóa',
    en: 'Results digitised / resolved',
    formula: 'resultsDigitised / (resolvedEarly + resolvedOnTime + resolvedLate)',
    approximate: false,
    compute: (s: IndicatorSource) =>
      needs(s.inputs, ['resultsDigitised'], () => ratio(s.inputs.resultsDigitised!, resolvedOf(s.figures))),
  },
  satisfied: {
    group: 'satisfaction',
    points: 18,
    vi: 'Mức độ hài lòng của người dân, doanh nghiệp',
    en: 'Weighted ratings / ratings (very satisfied, satisfied 1; neutral fairWeight; not satisfied 0)',
    formula: '(veryGood + good + fairWeight × fair) / (veryGood + good + fair + poor)',
    approximate: true,
    compute: (s: IndicatorSource): Ratio => {
      const f = s.figures;
      const all = f.evaluationsVeryGood + f.evaluationsGood + f.evaluationsFair + f.evaluationsPoor;
      if (all === 0) return { noEvaluations: true };
      return ratio(f.evaluationsVeryGood + f.evaluationsGood + s.fairWeight * f.evaluationsFair, all);
    },
  },
} as const satisfies Record<
  IndicatorKey,
  {
    group: ServiceIndexGroup;
    points: number;
    vi: string;
    en: string;
    formula: string;
    approximate: boolean;
    compute: (s: IndicatorSource) => Ratio;
  }
>;

export interface IndicatorScore {
  key: IndicatorKey;
  group: ServiceIndexGroup;
  max: number;
  /** 0..1, or null when it could not be computed. */
  ratio: number | null;
  target: number;
  points: number;
  approximate: boolean;
  /** Inputs not entered (or `evaluations` when nobody rated): the indicator scored 0. */
  missing: string[];
}

export interface GroupScore {
  group: ServiceIndexGroup;
  max: number;
  points: number;
  indicators: IndicatorScore[];
}

export interface ServiceIndex {
  total: number;
  max: 100;
  groups: GroupScore[];
}

/** Two decimals, as the published index shows points. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Pure: the index of one period from its totals, the inputs entered and the catalog. */
export function computeServiceIndex(
  figures: Figures,
  inputs: ServiceIndexInputs,
  catalog: CatalogCounts,
  settings: ServiceIndexSettings = {},
): ServiceIndex {
  const source: IndicatorSource = {
    figures,
    inputs,
    catalog,
    fairWeight: settings.fairWeight ?? DEFAULT_FAIR_WEIGHT,
  };
  const groups = SERVICE_INDEX_GROUP_KEYS.map((group): GroupScore => {
    const indicators = INDICATOR_KEYS.filter((k) => SERVICE_INDEX_INDICATORS[k].group === group).map(
      (key): IndicatorScore => {
        const spec = SERVICE_INDEX_INDICATORS[key];
        const target = settings.targets?.[key] ?? 1;
        const r = spec.compute(source);
        const value = 'ratio' in r ? Math.max(0, r.ratio) : null;
        return {
          key,
          group,
          max: spec.points,
          ratio: value === null ? null : round2(value * 100) / 100,
          target,
          points: value === null ? 0 : round2(spec.points * Math.min(1, value / target)),
          approximate: spec.approximate,
          missing: 'missing' in r ? r.missing : 'noEvaluations' in r ? ['evaluations'] : [],
        };
      },
    );
    const points = round2(indicators.reduce((s, i) => s + i.points, 0));
    return { group, max: SERVICE_INDEX_GROUPS[group].max, points, indicators };
  });
  return { total: round2(groups.reduce((s, g) => s + g.points, 0)), max: 100, groups };
}

/**
 * The applicant's evaluation of a returned dossier (issue 12 §1): one level of four, an optional
 * comment and optional 1–5 scores on a small fixed list of criteria. Written once here: the
 * lifecycle table's `evaluate` action, the report figures (shared/domain/reports) and the docs read it.
 */

/** The four levels, best first, with the exact Vietnamese wording of the satisfaction survey. */
export const EVALUATION_LEVELS = {
  veryGood: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  good: { vi: 'Hài lòng', en: 'Satisfied' },
  fair: { vi: 'Bình thường', en: 'Neutral' },
  poor: { vi: 'Không hài lòng', en: 'Not satisfied' },
} as const;
export type EvaluationLevel = keyof typeof EVALUATION_LEVELS;
export const EVALUATION_LEVEL_KEYS = Object.keys(EVALUATION_LEVELS) as [
  EvaluationLevel,
  ...EvaluationLevel[],
];

/**
 * The criteria a score may be given for, after the satisfaction index's four parts (access to the
 * service, the procedure, the official who handled it, the result). Fixed: a report can sum them.
 */
export const EVALUATION_CRITERIA = {
  access: { vi: 'Tiếp cận dịch vụ', en: 'Access to the service' },
  procedure: { vi: 'Thủ tục hành chính', en: 'The procedure' },
  staff: { vi: 'Công chức giải quyết', en: 'The official handling it' },
  result: { vi: 'Kết quả giải quyết', en: 'The result' },
} as const;
export type EvaluationCriterion = keyof typeof EVALUATION_CRITERIA;
export const EVALUATION_CRITERION_KEYS = Object.keys(EVALUATION_CRITERIA) as [
  EvaluationCriterion,
  ...EvaluationCriterion[],
];

/** The comment's bound: free text, kept on the dossier, never sent to webhooks (like reasons). */
export const EVALUATION_COMMENT_MAX = 1000;

export interface Evaluation {
  level: EvaluationLevel;
  comment?: string;
  scores?: Partial<Record<EvaluationCriterion, number>>;
  at: string;
  by: string;
  /** `citizen`: the applicant with their own token; `kiosk`: reception staff recording their choice. */
  via: 'citizen' | 'kiosk';
}

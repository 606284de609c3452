/**
 * The service index's indicators by name, in the decision's order (./service-index.ts gives each
 * its group, points and formula; its table must hold exactly these keys). Apart from the table so
 * that the tenant settings' schema (shared/api/schemas/service-index-settings.ts), which every
 * function reading the catalog builds, names them without bundling the index (issue 14: 6.4 KB
 * in 36 functions).
 */
export const INDICATOR_KEYS = [
  'proceduresPublished',
  'progressPublished',
  'feedbackHandled',
  'resolvedOnTime',
  'pendingWithinDeadline',
  'apologised',
  'proceduresOnline',
  'receivedOnline',
  'paidOnline',
  'dossiersDigitised',
  'resultsDigitised',
  'satisfied',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

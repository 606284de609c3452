/**
 * How a caller stands to one dossier (or to one agency's record), computed from facts the use case
 * read. The policy (./table.ts) grants dossier actions per relation, so "who may see this" is
 * decided here once instead of in every use case.
 */
import type { Dossier } from '../dossier/model';

export const RELATIONS = {
  atMyAgencyStep: {
    vi: 'Bước hiện tại của hồ sơ ở cơ quan tôi',
    en: "the dossier's current step is at my agency",
  },
  atMyAgencyResultStep: {
    vi: 'Hồ sơ đang ở bước trả kết quả, tại cơ quan tôi',
    en: 'the dossier is at its last (result) step, and that step is at my agency',
  },
  passedThroughMyAgency: {
    vi: 'Hồ sơ đi qua cơ quan tôi (tiếp nhận, thẩm quyền hoặc một bước)',
    en: "the dossier's route passes through my agency (receiving counter, competent agency or any step)",
  },
  receivedAtMyCounter: {
    vi: 'Hồ sơ được tiếp nhận tại bộ phận một cửa của tôi',
    en: 'the dossier was received at my counter',
  },
  submittedByMe: { vi: 'Tôi là người nộp (công dân)', en: 'I submitted it (citizen)' },
  holdsReceipt: {
    vi: 'Tôi giữ giấy tiếp nhận của hồ sơ (đã nhập đúng mã bí mật in trên đó)',
    en: "I hold the dossier's receipt (I gave the secret printed on it)",
  },
  myAgencysClient: {
    vi: 'Tôi là hệ thống của một cơ quan có phần trong hồ sơ (hoặc sở hữu bản ghi)',
    en: 'I am the system of an agency the dossier passes through (or that owns the record)',
  },
} as const;
export type Relation = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

/** What the policy needs to know of a dossier: nothing more than its routing and applicant. */
export interface DossierFacts {
  kind: 'dossier';
  tenant: string;
  /** The dossier's code: what a receipt holder proved to hold the receipt of. */
  code?: string;
  receivingAgency: string;
  competentAgency: string;
  stepAgencies: readonly string[];
  /** The current step's agency, and whether it is the last (result) step; null when none. */
  currentStep: { agency: string; last: boolean } | null;
  /** The citizen who submitted it online; absent when staff received it. */
  submittedByCitizen?: string;
}

/** A record that belongs to one agency of a tenant (a webhook subscription). */
export interface AgencyResourceFacts {
  kind: 'agencyResource';
  tenant: string;
  agency: string;
}

/** A tenant's own record (a staff account, an agency client). */
export interface TenantFacts {
  kind: 'tenant';
  tenant: string;
}

export type Facts = DossierFacts | AgencyResourceFacts | TenantFacts;

export function dossierFacts(d: Dossier): DossierFacts {
  const step = d.currentStep === null ? undefined : d.steps[d.currentStep];
  return {
    kind: 'dossier',
    tenant: d.tenant,
    code: d.code,
    receivingAgency: d.receivingAgency,
    competentAgency: d.competentAgency,
    stepAgencies: d.steps.map((s) => s.agency),
    currentStep: step ? { agency: step.agency, last: d.currentStep === d.steps.length - 1 } : null,
    ...(d.submittedBy.kind === 'citizen' ? { submittedByCitizen: d.submittedBy.subject } : {}),
  };
}

/** The part of a caller the relations look at. */
export interface RelatedCaller {
  subject: string;
  agency?: string;
  roles: readonly string[];
  /**
   * The dossier whose receipt secret the caller gave (checked in constant time before the policy
   * is asked): a member of the public without an account (issue 11 §7). Never set from a token.
   */
  receiptFor?: string;
}

const isCitizen = (c: RelatedCaller) => c.roles.includes('citizen') && c.agency === undefined;

/** Every relation that holds between the caller and the facts (same tenant assumed). */
export function relationsOf(caller: RelatedCaller, facts: Facts): Set<Relation> {
  const held = new Set<Relation>();
  if (facts.kind === 'tenant') return held;
  const mine = caller.agency;
  if (facts.kind === 'agencyResource') {
    if (mine !== undefined && caller.roles.includes('agencySystem') && facts.agency === mine)
      held.add('myAgencysClient');
    return held;
  }
  if (isCitizen(caller) && caller.receiptFor !== undefined && caller.receiptFor === facts.code)
    held.add('holdsReceipt');
  // A receipt holder is nobody else: it is no token's subject, so it submitted nothing online.
  if (caller.receiptFor !== undefined) return held;
  if (isCitizen(caller) && facts.submittedByCitizen === caller.subject) held.add('submittedByMe');
  if (mine === undefined) return held;
  const involved =
    facts.receivingAgency === mine || facts.competentAgency === mine || facts.stepAgencies.includes(mine);
  if (involved) held.add('passedThroughMyAgency');
  if (involved && caller.roles.includes('agencySystem')) held.add('myAgencysClient');
  if (facts.receivingAgency === mine) held.add('receivedAtMyCounter');
  if (facts.currentStep?.agency === mine) {
    held.add('atMyAgencyStep');
    if (facts.currentStep.last) held.add('atMyAgencyResultStep');
  }
  return held;
}

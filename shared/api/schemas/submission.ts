/**
 * A submission and the reception officer's decision. The decision's schema is built from the
 * lifecycle table's reception entries, so it lives apart from the dossier views (./dossier.ts,
 * which re-exports these): the routes that only show a dossier do not bundle the table (issue 14:
 * 15.5 KB minified); the submission (a decision taken at the counter) and decideReception do.
 */
import * as z from 'zod/mini';
import { LIFECYCLE } from '../../domain/lifecycle/table';
import { applicant, CHANNELS } from './applicant';
import { agencyCode, multiLine, procedureCode, singleLine } from './common';
import { receptionDecisionSchema, submittedDocument } from './lifecycle';

/**
 * What the reception officer decides on a complete / incomplete / ineligible dossier: record it,
 * ask once for a complete supplement, or refuse with a reason (the lifecycle table's reception
 * entries). Taken with a submission at the counter, or later on the dossier, then naming the
 * version it was decided on like every action.
 */
export const receptionDecision = receptionDecisionSchema(LIFECYCLE, false);
export type ReceptionDecision = z.infer<typeof receptionDecision>;
export const receptionDecisionRequest = receptionDecisionSchema(LIFECYCLE, true);
export type ReceptionDecisionRequest = z.infer<typeof receptionDecisionRequest>;

export const submitDossier = z.object({
  procedureCode,
  channel: z.enum(CHANNELS),
  /** Where the dossier is received and the result collected. Staff: defaults to their own agency. */
  receptionPoint: z.optional(agencyCode),
  /** Needed when the procedure's competent agency is "commune" and the counter is not that commune. */
  competentAgency: z.optional(agencyCode),
  applicant,
  request: multiLine(4000).check(z.minLength(1)),
  documents: z._default(z.array(submittedDocument).check(z.maxLength(50)), []),
  resultDelivery: z._default(z.enum(['counter', 'post', 'online']), 'counter'),
  postalTrackingNumber: z.optional(singleLine(50)),
  /** Staff only: the reception decision taken at the counter. Omitted: the dossier waits for one. */
  decision: z.optional(receptionDecision),
});
export type SubmitDossier = z.infer<typeof submitDossier>;

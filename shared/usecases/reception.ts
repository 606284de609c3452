/**
 * Use cases of the reception desk: submit (counter, online, post) and decide on a waiting
 * dossier. They load what the domain needs, let it decide, and persist the result in one
 * transaction with its history, outbox events and the request's Idempotency-Key, if any. They
 * answer with the full view, which is what a retry with the same key gets back.
 */
import type { SubmitDossier, ReceptionDecisionRequest } from '../api/schemas/dossier';
import { DomainRuleError } from '../domain/errors';
import { formatDossierCode } from '../domain/dossier/code';
import { decideReception, newDossier, placeSubmission } from '../domain/dossier/reception';
import { outboxFor } from '../domain/dossier/outbox';
import { dossierView } from '../domain/dossier/views';
import type { IdempotencyClaim } from '../domain/idempotency';
import { toYYMMDD } from '../domain/vn-time';
import { agenciesByCode, getProcedure } from '../data/catalog-reads';
import { createDossier, nextSequence } from '../data/dossier-repo';
import { sealReceiptSecret } from '../data/receipt-secret-repo';
import { newReceiptSecret } from '../domain/citizens/receipt-secret';
import { clock } from '../platform/clock';
import type { Principal } from '../platform/principal';
import { actorOf } from './actor';
import { dossierFor } from './dossier-views';
import { recordDossierRead } from './audit';
import { oncePerKey, type Outcome, type TakeKey } from './once-per-key';
import { saveChange, staleDossier } from './save-dossier';
import { tenantCalendar } from './tenant';

/**
 * The version of the procedure in force at `at`: a dossier is handled under the version in force
 * when it was submitted (a counter dossier's submission is its reception), so a change of fee or
 * competence dated later never reaches it, even when its reception is decided after that date.
 */
async function procedureOrFail(tenant: string, code: string, field: string, at: Date) {
  const procedure = await getProcedure(tenant, code, at);
  if (!procedure)
    throw new DomainRuleError(
      422,
      'unknown-procedure',
      field,
      `Không có thủ tục ${code} / unknown procedure ${code}`,
    );
  return procedure;
}

export type DossierView = ReturnType<typeof dossierView>;
/** The submission's answer: the full view and, shown this once, the receipt secret. */
export type SubmittedView = DossierView & { receiptSecret?: string };

/**
 * The new dossier's full view (named with the agencies read to place it: no second read). With a
 * claimed key, a retry gets the first view back and no second dossier is made.
 */
export function submitDossier(
  principal: Principal,
  submission: SubmitDossier,
  claim?: IdempotencyClaim,
): Promise<Outcome<SubmittedView>> {
  return oncePerKey(claim, (takeKey) => createSubmitted(principal, submission, takeKey), {
    personalData: true,
  });
}

async function createSubmitted(
  principal: Principal,
  submission: SubmitDossier,
  takeKey: TakeKey<SubmittedView>,
): Promise<SubmittedView> {
  const actor = actorOf(principal);
  if (actor.kind === 'citizen' && submission.decision) {
    throw new DomainRuleError(
      403,
      'decision-by-staff-only',
      'body.decision',
      'Chỉ cán bộ tiếp nhận quyết định tiếp nhận / only reception staff decide',
    );
  }
  const tenant = principal.tenant;
  const now = clock.now();
  const [calendar, procedure, agencies] = await Promise.all([
    tenantCalendar(tenant),
    procedureOrFail(tenant, submission.procedureCode, 'body.procedureCode', now),
    agenciesByCode(tenant),
  ]);
  const placement = placeSubmission(submission, procedure, actor, agencies);
  const sequence = await nextSequence(tenant, placement.receivingAgency.code, toYYMMDD(now));
  const code = formatDossierCode(placement.receivingAgency.code, now, sequence);

  const created = newDossier({
    tenant,
    code,
    ledgerNumber: sequence,
    submission,
    procedure,
    placement,
    actor,
    now,
    calendar,
  });
  const { dossier, events } = created;
  // Every dossier, whatever its channel, gets the secret its receipt prints (issue 11 §7). The
  // answer shows it once: to the citizen who submitted online, to the counter or postal clerk who
  // hands or posts the receipt. A retry with the key gets it again from the sealed stored answer.
  const receiptSecret = newReceiptSecret();
  const stored = await sealReceiptSecret(tenant, code, receiptSecret);
  const view = { ...dossierView(dossier, agencies), receiptSecret };
  await createDossier(dossier, events, outboxFor(0, dossier, events), takeKey(view), stored);
  return view;
}

/** The decided dossier's full view; with a claimed key, a retry gets that view back and decides nothing. */
export function decideOnDossier(
  principal: Principal,
  code: string,
  decision: ReceptionDecisionRequest,
  claim?: IdempotencyClaim,
): Promise<Outcome<DossierView>> {
  return oncePerKey(claim, (takeKey) => decide(principal, code, decision, takeKey), {
    personalData: true,
  });
}

async function decide(
  principal: Principal,
  code: string,
  request: ReceptionDecisionRequest,
  takeKey: TakeKey<DossierView>,
): Promise<DossierView> {
  const tenant = principal.tenant;
  // Access before state: a counter with no part in the dossier learns nothing, not even its status.
  const current = await dossierFor(principal, code);
  // The agencies too, before the write: the view is stored with the key in the same transaction.
  const [calendar, procedure, agencies] = await Promise.all([
    tenantCalendar(tenant),
    procedureOrFail(tenant, current.procedure.code, 'procedure', new Date(current.submittedAt)),
    agenciesByCode(tenant),
  ]);
  const { expectedVersion, ...decision } = request;
  const { dossier, events } = decideReception(
    current,
    decision,
    procedure,
    actorOf(principal),
    clock.now(),
    calendar,
  );
  // Like every action it locks on the version it was decided on; the rules speak first, so a
  // second decision still hears "already decided".
  if (current.version !== expectedVersion) throw staleDossier(current.version);
  const view = dossierView(dossier, agencies);
  await saveChange(current, dossier, events, takeKey(view));
  // The counter reads the applicant's data in the answer (a retry with the key replays it unrecorded).
  await recordDossierRead(principal, dossier.code);
  return view;
}

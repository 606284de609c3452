/**
 * Use cases of the reception desk: submit (counter, online, post) and decide on a waiting
 * dossier. They load what the domain needs, let it decide, and persist the result in one
 * transaction with its history and outbox events.
 */
import type { Agency } from '../api/schemas/catalog';
import type { SubmitDossier, ReceptionDecision } from '../api/schemas/dossier';
import { DomainRuleError } from '../domain/errors';
import { formatDossierCode } from '../domain/dossier/code';
import type { Dossier } from '../domain/dossier/model';
import { decideReception, newDossier, placeSubmission } from '../domain/dossier/reception';
import { outboxFor } from '../domain/dossier/outbox';
import { toYYMMDD } from '../domain/vn-time';
import { agenciesByCode, getProcedure } from '../data/catalog-repo';
import { createDossier, nextSequence } from '../data/dossier-repo';
import { clock } from '../platform/clock';
import type { Principal } from '../platform/principal';
import { actorOf } from './actor';
import { dossierFor } from './dossier-views';
import { saveChange } from './save-dossier';
import { tenantCalendar } from './tenant';

async function procedureOrFail(tenant: string, code: string, field: string) {
  const procedure = await getProcedure(tenant, code);
  if (!procedure)
    throw new DomainRuleError(
      422,
      'unknown-procedure',
      field,
      `Không có thủ tục ${code} / unknown procedure ${code}`,
    );
  return procedure;
}

/** The new dossier, and the agencies read to place it (the view names them; no second read). */
export async function submitDossier(
  principal: Principal,
  submission: SubmitDossier,
): Promise<{ dossier: Dossier; agencies: ReadonlyMap<string, Agency> }> {
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
  const [calendar, procedure, agencies] = await Promise.all([
    tenantCalendar(tenant),
    procedureOrFail(tenant, submission.procedureCode, 'body.procedureCode'),
    agenciesByCode(tenant),
  ]);
  const placement = placeSubmission(submission, procedure, actor, agencies);
  const now = clock.now();
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
  let { dossier } = created;
  const events = [...created.events];
  if (submission.decision) {
    const decided = decideReception(dossier, submission.decision, procedure, actor, now, calendar);
    dossier = { ...decided.dossier, version: 1 };
    events.push(...decided.events);
  }
  await createDossier(dossier, events, outboxFor(0, dossier, events));
  return { dossier, agencies };
}

export async function decideOnDossier(
  principal: Principal,
  code: string,
  decision: ReceptionDecision,
): Promise<Dossier> {
  const tenant = principal.tenant;
  // Access before state: a counter with no part in the dossier learns nothing, not even its status.
  const current = await dossierFor(principal, code);
  const [calendar, procedure] = await Promise.all([
    tenantCalendar(tenant),
    procedureOrFail(tenant, current.procedure.code, 'procedure'),
  ]);
  const { dossier, events } = decideReception(
    current,
    decision,
    procedure,
    actorOf(principal),
    clock.now(),
    calendar,
  );
  await saveChange(current, dossier, events);
  return dossier;
}

/** Reading dossiers: the full view for those allowed, the public tracking view for anyone. */
import type { Agency } from '../api/schemas/catalog';
import { dossierFacts, type Action } from '../domain/policy';
import type { Dossier } from '../domain/dossier/model';
import { dossierView, trackingView } from '../domain/dossier/views';
import { agenciesByCode } from '../data/catalog-reads';
import { getDossier } from '../data/dossier-read';
import { listDossierEvents } from '../data/dossier-lists';
import { clock } from '../platform/clock';
import { authorize } from '../platform/authorize';
import type { Principal } from '../platform/principal';
import { recordDossierRead } from './audit';
import { openApplicant } from './personal-data';
import { unknownDossier } from './unknown-dossier';

/**
 * A dossier the principal may take `action` on, as the policy decides (shared/domain/policy). A
 * dossier of another tenant, or one the caller may not even read, is "not found": its existence is
 * not disclosed. Acting on a dossier passes `dossier.read` here: which lifecycle action the caller
 * may take is the lifecycle table's finer word (its permits are the policy's `dossier.act` row).
 * Its applicant's personal data comes opened for the caller (shared/usecases/personal-data.ts).
 */
export async function dossierFor(
  principal: Principal,
  code: string,
  action: Action = 'dossier.read',
): Promise<Dossier> {
  const dossier = await getDossier(principal.tenant, code);
  if (!dossier) throw unknownDossier(code);
  authorize(principal, action, dossierFacts(dossier), () => unknownDossier(code));
  return openApplicant(principal, dossier);
}

/** The full view; pass the agencies when the caller has just read them. */
export async function fullView(dossier: Dossier, agencies?: ReadonlyMap<string, Agency>) {
  return dossierView(dossier, agencies ?? (await agenciesByCode(dossier.tenant)));
}

/**
 * The full view with the applicant's personal data, for GET /v1/dossiers/{code}: recorded in the
 * audit log (staff and agency systems) before it is answered.
 */
export async function readFullView(principal: Principal, code: string) {
  const dossier = await dossierFor(principal, code);
  await recordDossierRead(principal, dossier.code);
  return fullView(dossier);
}

export async function track(tenant: string, code: string) {
  const [dossier, events, agencies] = await Promise.all([
    getDossier(tenant, code),
    listDossierEvents(tenant, code),
    agenciesByCode(tenant),
  ]);
  if (!dossier) throw unknownDossier(code);
  return trackingView(dossier, events, agencies, clock.now());
}

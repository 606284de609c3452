/** Reading dossiers: the full view for those allowed, the public tracking view for anyone. */
import type { Agency } from '../api/schemas/catalog';
import { canViewDossier } from '../domain/dossier/access';
import type { Dossier } from '../domain/dossier/model';
import { dossierView, trackingView } from '../domain/dossier/views';
import { agenciesByCode } from '../data/catalog-repo';
import { getDossier, listDossierEvents } from '../data/dossier-repo';
import { clock } from '../platform/clock';
import { NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { recordDossierRead } from './audit';
import { openApplicant } from './personal-data';

const notFound = (code: string) => new NotFoundError(`Không có hồ sơ ${code} / no dossier ${code}`);

/**
 * A dossier the principal may see in full, its applicant's personal data opened for them
 * (shared/usecases/personal-data.ts). A dossier of another tenant, or one the caller has no part
 * in, is "not found": its existence is not disclosed.
 */
export async function dossierFor(principal: Principal, code: string): Promise<Dossier> {
  const dossier = await getDossier(principal.tenant, code);
  if (!dossier || !canViewDossier(principal, dossier)) throw notFound(code);
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
  if (!dossier) throw notFound(code);
  return trackingView(dossier, events, agencies, clock.now());
}

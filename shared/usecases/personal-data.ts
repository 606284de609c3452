/**
 * The one place sealed personal data is opened (issue 11 §5). Every dossier read from the table
 * carries the applicant's ID number, phone, e-mail and address sealed; they are opened only:
 * - for a viewer `canViewDossier` admits (the applicant, the tenant's admins, staff of an agency
 *   the dossier passes through): `openApplicant`, called by `dossierFor` (dossier-views.ts), which
 *   every full view, form, action and attachment route goes through;
 * - for the service's own work on the applicant's behalf: `openForService` (sending the
 *   notifications the applicant agreed to; the webhook projection, which itself discloses the ID
 *   number only to the dossier's own agencies' processing systems).
 * The public tracking view, work queues, reports and usage never open them.
 *
 * The audit of personal-data reads (issue 11 §6) hooks here: each `openApplicant` is one read by
 * `principal` of `dossier.code`.
 */
import { canViewDossier } from '../domain/dossier/access';
import type { Dossier } from '../domain/dossier/model';
import { openDossier } from '../data/personal-data';
import { callerOf } from '../platform/authorize';
import type { Principal } from '../platform/principal';

/** Thrown when a caller who may not see the dossier asks for its personal data: a bug, not a 4xx. */
export class NotAllowedToOpenError extends Error {
  constructor(code: string) {
    super(`personal data of ${code} asked for by a caller who may not see it`);
    this.name = 'NotAllowedToOpenError';
  }
}

/** The dossier with its applicant's personal data in clear, for a viewer allowed to see it. */
export async function openApplicant(principal: Principal, dossier: Dossier): Promise<Dossier> {
  if (!canViewDossier(callerOf(principal), dossier)) throw new NotAllowedToOpenError(dossier.code);
  return openDossier(dossier);
}

/** Why the service itself opens an applicant's data: each use named, none for display. */
export type ServicePurpose = 'notifyApplicant' | 'webhookProjection';

/** The dossier in clear for the service's own use (`purpose` says which; never shown to a caller). */
export async function openForService(dossier: Dossier, _purpose: ServicePurpose): Promise<Dossier> {
  return openDossier(dossier);
}

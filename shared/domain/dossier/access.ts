/**
 * Who may read a whole dossier (with the applicant's personal data): the authorization policy's
 * `dossier.read` row (shared/domain/policy). Everyone else gets the public tracking view only.
 */
import { decide, dossierFacts } from '../policy';
import type { Role } from '../roles';
import type { Dossier } from './model';

export interface Viewer {
  subject: string;
  tenant: string;
  agency?: string;
  roles: readonly Role[];
}

export function agenciesInvolved(dossier: Dossier): Set<string> {
  return new Set([dossier.receivingAgency, dossier.competentAgency, ...dossier.steps.map((s) => s.agency)]);
}

export const canViewDossier = (viewer: Viewer, dossier: Dossier): boolean =>
  decide(viewer, 'dossier.read', dossierFacts(dossier)).allow;

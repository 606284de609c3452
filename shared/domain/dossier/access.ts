/**
 * Who may read a whole dossier (with the applicant's personal data): the applicant who submitted
 * it, the tenant's admins, and staff of an agency it passes through. Everyone else gets the
 * public tracking view only.
 */
import { AGENCY_STAFF_ROLES, type Role } from '../roles';
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

export function canViewDossier(viewer: Viewer, dossier: Dossier): boolean {
  if (viewer.tenant !== dossier.tenant) return false;
  if (
    viewer.roles.includes('citizen') &&
    dossier.submittedBy.kind === 'citizen' &&
    dossier.submittedBy.subject === viewer.subject
  )
    return true;
  if (viewer.roles.includes('tenantAdmin')) return true;
  return (
    viewer.agency !== undefined &&
    viewer.roles.some((r) => AGENCY_STAFF_ROLES.includes(r)) &&
    agenciesInvolved(dossier).has(viewer.agency)
  );
}

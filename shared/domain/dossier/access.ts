/**
 * Who may read a whole dossier (with the applicant's personal data): the authorization policy's
 * `dossier.read` row (shared/domain/policy). Everyone else gets the public tracking view only.
 */
import { decide, dossierFacts, type Caller } from '../policy';
import type { Dossier } from './model';

/**
 * Whoever reads: the policy's caller, an agency system's scopes by meaning (`read`/`act`), so a
 * platform principal (whose scopes are claim names) must be mapped first (shared/platform/authorize.ts
 * `callerOf`); the types keep the two apart.
 */
export type Viewer = Caller;

export function agenciesInvolved(dossier: Dossier): Set<string> {
  return new Set([dossier.receivingAgency, dossier.competentAgency, ...dossier.steps.map((s) => s.agency)]);
}

export const canViewDossier = (viewer: Viewer, dossier: Dossier): boolean =>
  decide(viewer, 'dossier.read', dossierFacts(dossier)).allow;

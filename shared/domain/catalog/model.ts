/**
 * The catalog as the domain reads it: agencies, procedures and their time limits. The HTTP
 * schemas (shared/api/schemas/catalog.ts) validate what comes in; a type test
 * (tests/unit/api/schemas-fit-domain.test.ts) keeps what they produce assignable to these.
 */
import type { StepRole } from '../roles';

export interface Agency {
  code: string;
  name: string;
  parent: string | null;
  /** A one-stop counter that receives dossiers and returns results. */
  receptionPoint: boolean;
  level: 'province' | 'commune';
  address?: string;
}

export interface ProcedureStep {
  name: string;
  /** Absent when the step runs at the competent agency. */
  agency?: string;
  role: StepRole;
  days?: number;
  hours?: number;
}

/** Exactly one of working days, working hours or the same day (with its cut-off). */
export interface ProcedureTime {
  workingDays?: number;
  workingHours?: number;
  sameDay?: { cutoff: string };
}

export interface Procedure {
  code: string;
  name: string;
  field: string;
  /** An agency code, or `commune` when the receiving (or named) commune decides. */
  competent: string;
  time: ProcedureTime;
  onTheSpot: boolean;
  fee: number;
  feeUnit: 'dossier' | 'page' | 'copy';
  online: 'full' | 'partial' | 'none';
  steps: ProcedureStep[];
}

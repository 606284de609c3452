/** The dossier as the domain sees it: plain data, persisted as is, shown through views. */
import type { Applicant, DossierStatus, ReceptionDecision } from '../../api/schemas/dossier';

export type Channel = 'counter' | 'online' | 'postal';

export interface StepAllowance {
  workingDays?: number;
  workingHours?: number;
}

export interface PlannedStep {
  index: number;
  name: string;
  agency: string;
  role: 'reception' | 'specialist' | 'leader';
  allowance: StepAllowance;
  /** Planned at reception from the calendar; re-planned on every hand-off, pause and apology. */
  plannedDueAt: string | null;
  status: 'pending' | 'active' | 'done';
}

export interface SubmittedDocument {
  name: string;
  kind: 'original' | 'copy' | 'certifiedCopy' | 'electronic';
  copies: number;
}

export interface Actor {
  subject: string;
  username: string;
  kind: 'staff' | 'citizen';
  agency?: string;
}

export interface Dossier {
  tenant: string;
  code: string;
  procedure: { code: string; name: string; field: string; onTheSpot: boolean; time: StepAllowance };
  channel: Channel;
  status: DossierStatus;
  receivingAgency: string;
  competentAgency: string;
  applicant: Applicant;
  request: string;
  documents: SubmittedDocument[];
  resultDelivery: 'counter' | 'post' | 'online';
  postalTrackingNumber?: string;
  submittedAt: string;
  receivedAt: string | null;
  appointmentAt: string | null;
  fee: { amount: number; currency: 'VND'; unit: 'dossier' | 'page' | 'copy' };
  steps: PlannedStep[];
  supplementRequest?: { items: Array<{ document: string; reason: string }>; note?: string; at: string; by: string };
  refusal?: { reason: string; at: string; by: string };
  submittedBy: Actor;
  receivedBy?: string;
  /** Daily ledger number at the receiving agency (form 07), the code's last part. */
  ledgerNumber: number;
  version: number;
}

/** One line of the dossier's history: the timeline citizens see and, later, the control sheet. */
export interface DossierEvent {
  at: string;
  type: 'submitted' | 'received' | 'supplementRequested' | 'refused';
  agency: string;
  actor: string;
  note?: string;
}

export type { ReceptionDecision };

/** The dossier as the domain sees it: plain data, persisted as is, shown through views. */
import type { ProcedureTime } from '../catalog/model';
import type { ReceptionDecision } from '../lifecycle/engine';
import type { HistoryType } from '../lifecycle/events';
import type { DossierStatus } from '../lifecycle/statuses';
import type { Evaluation } from './evaluation';

export type Channel = 'counter' | 'online' | 'postal';

/** The applicant as the submission names them (a citizen, or an organisation and its representative). */
export interface Applicant {
  kind: 'citizen' | 'organization';
  name: string;
  /** CCCD / CMND, or an organisation's tax code. */
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
  organizationName?: string;
  /** The applicant's agreement to be notified, per channel (issue 13 §3): no consent, no message. */
  notify?: { email?: boolean; sms?: boolean };
}

/** A submission as the domain records it (validated by shared/api/schemas/dossier.ts). */
export interface Submission {
  channel: Channel;
  receptionPoint?: string;
  competentAgency?: string;
  applicant: Applicant;
  request: string;
  documents: SubmittedDocument[];
  resultDelivery: 'counter' | 'post' | 'online';
  postalTrackingNumber?: string;
  /** Counter staff deciding at once. */
  decision?: ReceptionDecision;
}

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
  /** Set when the step becomes active: its own sub-deadline counts from the hand-off. */
  startedAt?: string;
  dueAt?: string;
  finishedAt?: string;
  timeliness?: Timeliness;
  assignee?: string;
}

export type Timeliness = 'early' | 'onTime' | 'late';

/** A stop of the clock while the applicant supplements (the clock pauses and resumes on the full supplement; every pause is logged). */
export interface Pause {
  from: string;
  to?: string;
  stepIndex: number;
  reason: string;
  items: Array<{ document: string; reason: string }>;
  by: string;
  /** Working ms the dossier's clock stood still (paused after its counting start), set on resume. */
  workingMs?: number;
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
  roles: readonly string[];
  /**
   * An applicant without an account who gave this dossier's receipt secret (issue 11 §7): the
   * lifecycle's `applicant` permit holds for them on that dossier only.
   */
  receiptFor?: string;
}

export interface Dossier {
  tenant: string;
  code: string;
  /** `time` is the procedure's limit: working days, working hours or the same day (`sameDay`). */
  procedure: { code: string; name: string; field: string; onTheSpot: boolean; time: ProcedureTime };
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
  supplementRequest?: {
    items: Array<{ document: string; reason: string }>;
    note?: string;
    at: string;
    by: string;
  };
  refusal?: { reason: string; at: string; by: string };
  submittedBy: Actor;
  receivedBy?: string;
  /** Daily ledger number at the receiving agency (form 07), the code's last part. */
  ledgerNumber: number;
  /** Index of the step the dossier is at; null before acceptance and once finished. */
  currentStep: number | null;
  pauses: Pause[];
  approval?: { by: string; at: string; note?: string };
  signature?: { by: string; at: string };
  /** Form 04: at most one apology and new appointment. */
  apology?: {
    reason: string;
    previousAppointmentAt: string;
    newAppointmentAt: string;
    at: string;
    by: string;
  };
  result?: { kind: 'paper' | 'electronic' | 'both'; readyAt: string; by: string; documentNumber?: string };
  returned?: { method: 'counter' | 'post' | 'online'; trackingNumber?: string; at: string; by: string };
  withdrawal?: { reason: string; at: string; by: string };
  /** The applicant's one evaluation, after the result was returned (./evaluation.ts). */
  evaluation?: Evaluation;
  finishedAt?: string;
  /** Early / on time / late against the appointment, once finished. */
  timeliness?: Timeliness;
  /** Optimistic locking: bumped by every change. */
  version: number;
  /** Bumped by every change of a due time; the deadline clock of an older version ends itself. */
  clockVersion: number;
}

/** One line of the dossier's history (timeline, control sheet): one per action, from the lifecycle table. */
export type DossierEventType = HistoryType;

/** One hand-off of the control sheet (form 06): who gave, who received, and how the step went. */
export interface Handoff {
  fromAgency: string;
  fromPerson: string;
  /** `applicant` when the result goes back to the applicant. */
  toAgency: string;
  toPerson?: string;
  stepIndex: number;
  stepName: string;
  allowance: StepAllowance;
  stepStartedAt?: string;
  stepDueAt?: string;
  timeliness?: Timeliness;
}

export interface DossierEvent {
  at: string;
  type: DossierEventType;
  agency: string;
  actor: string;
  note?: string;
  handoff?: Handoff;
}

/**
 * Where the dossier stands, as every outbox event carries it (history lines and deadline alarms).
 * Its own module, importing types only: the deadline task needs it without the event catalog's
 * zod schemas and the lifecycle table in its bundle.
 */
import type { Dossier } from './model';

export const dossierStateOf = (dossier: Dossier) => ({
  status: dossier.status,
  procedure: dossier.procedure.code,
  receivingAgency: dossier.receivingAgency,
  competentAgency: dossier.competentAgency,
  currentStep: dossier.currentStep,
  appointmentAt: dossier.appointmentAt,
});

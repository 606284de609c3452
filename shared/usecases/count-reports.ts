/**
 * The report counter (consumer of the `reports` queue): each event through the pure counting
 * function (shared/domain/reports/count.ts) with the dossier's report state, committed in one
 * transaction with the counters it moves (shared/data/report-repo.ts). A redelivered event finds
 * its id in the state and writes nothing; two events of one dossier at once: the loser reads the
 * state again and recounts.
 */
import type { BusMessage } from '../api/queues';
import { getDossier } from '../data/dossier-read';
import { commitCount, getReportState } from '../data/report-repo';
import { countEvent, REPORT_EVENT_TYPES, type DossierFacts, type ReportEvent } from '../domain/reports';

const ATTEMPTS = 5;

export function reportEventOf(message: BusMessage): ReportEvent {
  const p = message.payload;
  return {
    id: message.id,
    type: message.type,
    at: typeof p.at === 'string' ? p.at : message.occurredAt,
    competentAgency: String(p.competentAgency),
    procedure: String(p.procedure),
    appointmentAt: (p.appointmentAt as string | null | undefined) ?? null,
    ...(typeof p.dueAt === 'string' ? { dueAt: p.dueAt } : {}),
  };
}

/** What was counted: `duplicate` when the event had been counted before. */
export async function countReportEvent(message: BusMessage): Promise<'ignored' | 'duplicate' | 'counted'> {
  if (!(REPORT_EVENT_TYPES as readonly string[]).includes(message.type)) return 'ignored';
  const dossier = await getDossier(message.tenant, message.code);
  if (!dossier) throw new Error(`dossier ${message.code} not found for event ${message.id}`);
  // The dossier's fixed facts: its field and channel never change; its return and evaluation are
  // set once, before the events that announce them.
  const facts: DossierFacts = {
    field: dossier.procedure.field,
    channel: dossier.channel,
    evaluationLevel: dossier.evaluation?.level,
    returnMethod: dossier.returned?.method,
  };
  const event = reportEventOf(message);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const read = await getReportState(message.tenant, message.code);
    if (read.counted.includes(event.id)) return 'duplicate';
    const { state, increments } = countEvent(read, event, facts);
    if (await commitCount(message.tenant, message.code, read, state, increments)) return 'counted';
  }
  throw new Error(`report state of ${message.code} kept changing; event ${message.id} retried later`);
}

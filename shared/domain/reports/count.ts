/**
 * How each event moves the figures (issue 12 §3): a pure function of one dossier's report state,
 * the event and a few fixed facts of the dossier, answering the new state and the flow increments
 * by local day. The counter consumer (shared/usecases/count-reports.ts) runs it with the state it
 * stores per dossier; the unit test runs it over generated streams and against ./recount.ts.
 *
 * Which event moves what:
 *   dossier.received      received + received<Channel>           (acceptance: the dossier enters the count)
 *   dossier.result_ready  resolvedEarly | resolvedOnTime | resolvedLate, from the ready time against
 *                         the appointment then in force (the one-stop rule: resolved when the result
 *                         is ready for the applicant; how long the applicant takes to collect it is
 *                         not the agency's delay)
 *   dossier.refused       refused, only after acceptance (appointmentAt set): a refusal at reception
 *                         never entered the count
 *   dossier.withdrawn     withdrawn, only after acceptance, for the same reason
 *   dossier.overdue       becameOverdue once per dossier, on the day its appointment passed (dueAt);
 *                         with overdueClosed when the dossier had already closed (events come out
 *                         of order on a queue)
 *   (a closing event of a dossier counted overdue) overdueClosed
 *   dossier.paused        supplementRequests;  dossier.apologized  apologies
 *   dossier.returned      returnedByPost when returned by post
 *   dossier.evaluated     evaluations<Level>
 * Every other type moves nothing; the reports queue is subscribed to exactly REPORT_EVENT_TYPES.
 *
 * Idempotence: the state remembers the event ids it counted; an id seen before moves nothing.
 * Order: the result does not depend on the order the events arrive in (the test shuffles them),
 * because the only order-sensitive figure (overdue) is kept in the state.
 */
import type { Channel, Timeliness } from '../dossier/model';
import type { EvaluationLevel } from '../dossier/evaluation';
import type { FlowFigure, Flows } from './figures';
import { dayOf } from './periods';

/**
 * A report cell: the competent agency (answerable for the appointment, as the deadline alarms and
 * the one-stop evaluation of agencies are), the procedure's field and the procedure. One agency
 * dimension, not two: the receiving counter's own figures are a different report (reception
 * volume), which can come from the same events later.
 */
export interface CellKey {
  agency: string;
  field: string;
  procedure: string;
}

export { REPORT_EVENT_TYPES, type ReportEventType } from './event-types';

/** What the counter reads from a bus message. */
export interface ReportEvent {
  id: string;
  type: string;
  /** When it happened (the history line's `at`; an alarm's firing time). */
  at: string;
  competentAgency: string;
  procedure: string;
  appointmentAt: string | null;
  /** Alarms: the due time that passed. */
  dueAt?: string;
}

/** The dossier's fixed facts an event does not carry (read from the dossier by the consumer). */
export interface DossierFacts {
  field: string;
  channel: Channel;
  evaluationLevel?: EvaluationLevel;
  returnMethod?: 'counter' | 'post' | 'online';
}

/** What the counter keeps per dossier. */
export interface DossierReportState {
  /** Ids of the events already counted. */
  counted: string[];
  /** The due time of the overdue alarm counted (the earliest seen). */
  overdueDueAt?: string;
  /** When the dossier closed after acceptance (result ready, refused, withdrawn), and its cell. */
  closedAt?: string;
}

export interface Increment {
  day: string;
  cell: CellKey;
  flows: Flows;
}

export const EMPTY_REPORT_STATE: DossierReportState = { counted: [] };

const CHANNEL_FIGURE: Record<Channel, FlowFigure> = {
  counter: 'receivedCounter',
  online: 'receivedOnline',
  postal: 'receivedPostal',
};
const RESOLVED_FIGURE: Record<Timeliness, FlowFigure> = {
  early: 'resolvedEarly',
  onTime: 'resolvedOnTime',
  late: 'resolvedLate',
};
export const EVALUATION_FIGURE: Record<EvaluationLevel, FlowFigure> = {
  veryGood: 'evaluationsVeryGood',
  good: 'evaluationsGood',
  fair: 'evaluationsFair',
  poor: 'evaluationsPoor',
};

/**
 * Early / on time / late as the working calendar classifies a finish (calendar.classify): late
 * after the due instant, early on a local day before the due day, on time otherwise. Restated here
 * without the calendar because it needs only the two instants and local dates.
 */
export function classifyFinish(finishedAt: string, dueAt: string): Timeliness {
  if (new Date(finishedAt).getTime() > new Date(dueAt).getTime()) return 'late';
  return dayOf(finishedAt) < dayOf(dueAt) ? 'early' : 'onTime';
}

const before = (a: string, b: string) => new Date(a).getTime() < new Date(b).getTime();

export function countEvent(
  state: DossierReportState,
  event: ReportEvent,
  facts: DossierFacts,
): { state: DossierReportState; increments: Increment[] } {
  if (state.counted.includes(event.id)) return { state, increments: [] };
  const cell: CellKey = { agency: event.competentAgency, field: facts.field, procedure: event.procedure };
  const increments: Increment[] = [];
  const add = (at: string, flows: Flows) => increments.push({ day: dayOf(at), cell, flows });
  let next: DossierReportState = { ...state, counted: [...state.counted, event.id] };
  const accepted = event.appointmentAt !== null;

  const close = (flows: Flows) => {
    next = { ...next, closedAt: event.at };
    add(event.at, state.overdueDueAt ? { ...flows, overdueClosed: 1 } : flows);
  };

  switch (event.type) {
    case 'dossier.received':
      add(event.at, { received: 1, [CHANNEL_FIGURE[facts.channel]]: 1 });
      break;
    case 'dossier.result_ready':
      if (event.appointmentAt) close({ [RESOLVED_FIGURE[classifyFinish(event.at, event.appointmentAt)]]: 1 });
      break;
    case 'dossier.refused':
      if (accepted) close({ refused: 1 });
      break;
    case 'dossier.withdrawn':
      if (accepted) close({ withdrawn: 1 });
      break;
    case 'dossier.overdue': {
      const due = event.dueAt;
      // An alarm only fires for an open dossier after its due time; one at or after the close is
      // not an overdue of this dossier (defensive: the recount applies the same rule).
      if (!due || (state.closedAt && !before(due, state.closedAt))) break;
      if (!state.overdueDueAt) {
        next = { ...next, overdueDueAt: due };
        add(due, { becameOverdue: 1 });
        if (state.closedAt) add(state.closedAt, { overdueClosed: 1 });
      } else if (before(due, state.overdueDueAt)) {
        // An earlier appointment's alarm arrived after a later one's: the dossier became overdue then.
        next = { ...next, overdueDueAt: due };
        add(state.overdueDueAt, { becameOverdue: -1 });
        add(due, { becameOverdue: 1 });
      }
      break;
    }
    case 'dossier.paused':
      add(event.at, { supplementRequests: 1 });
      break;
    case 'dossier.apologized':
      add(event.at, { apologies: 1 });
      break;
    case 'dossier.returned':
      if (facts.returnMethod === 'post') add(event.at, { returnedByPost: 1 });
      break;
    case 'dossier.evaluated':
      if (facts.evaluationLevel) add(event.at, { [EVALUATION_FIGURE[facts.evaluationLevel]]: 1 });
      break;
  }
  return { state: next, increments };
}

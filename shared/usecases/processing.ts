/**
 * Use cases of processing after reception: staff (and the applicant, for withdrawal) act on a
 * dossier; each agency sees its work queue; anyone allowed reads the control sheet.
 */
import type { DossierAction } from '../api/schemas/actions';
import { STEP_ROLES, workingRoles, type StepRole } from '../domain/roles';
import { EVENT_LABELS, STATUS_LABELS, TIMELINESS_LABELS } from '../domain/dossier/labels';
import { stepFlags } from '../domain/lifecycle/deadlines';
import { applyAction } from '../domain/lifecycle/engine';
import { toVnIso } from '../domain/vn-time';
import { agenciesByCode } from '../data/catalog-reads';
import { listAlarms, listDossierEvents, listQueue } from '../data/dossier-lists';
import { idNumberSearchHash } from '../data/personal-data';
import { listNotifications } from '../data/notification-repo';
import { historyLine } from '../domain/notifications/plan';
import { clock } from '../platform/clock';
import { ForbiddenError } from '../platform/errors';
import { authorize, reachesTenant } from '../platform/authorize';
import type { Principal } from '../platform/principal';
import { actorOf } from './actor';
import { dossierFor, fullView } from './dossier-views';
import { recordDossierRead } from './audit';
import { saveChange, staleDossier } from './save-dossier';
import { pageOf, type PageRequest } from './paging';
import { tenantCalendar } from './tenant';

/**
 * Applies an action and answers the dossier's full view, named with the agencies read once: the
 * same map checks a re-routed hand-off and names the steps.
 */
export async function actOnDossier(principal: Principal, code: string, action: DossierAction) {
  const current = await dossierFor(principal, code);
  if (current.version !== action.expectedVersion) throw staleDossier(current.version);
  const [calendar, agencies] = await Promise.all([
    tenantCalendar(principal.tenant),
    agenciesByCode(principal.tenant),
  ]);
  const { dossier, events } = applyAction(current, action, actorOf(principal), clock.now(), calendar, (c) =>
    agencies.has(c),
  );
  await saveChange(current, dossier, events);
  // The answer is the full view, personal data included: a read like GET's.
  await recordDossierRead(principal, dossier.code);
  return fullView(dossier, agencies);
}

type QueueRole = StepRole;

/**
 * The queues a caller may read: those of the roles they hold (an agency system works as a
 * specialist), or every one for a tenant admin, who oversees all agencies.
 */
function queueRolesOf(principal: Principal): QueueRole[] {
  if (reachesTenant(principal, 'workQueue.read')) return [...STEP_ROLES];
  return workingRoles(principal.roles);
}

/**
 * What waits at the caller's agency for the caller's roles, in queue order (overdue first, then by
 * due time, paused last), a page at a time. Each role's queue is its own index partition; a page
 * merges them by position, reading from each at most one item more than the page holds, so it
 * knows whether another page follows. The cursor is the last position handed out.
 */
export async function workQueueFor(
  principal: Principal,
  query: {
    agency?: string;
    role?: QueueRole;
    status?: string;
    updatedSince?: string;
    idNumber?: string;
  } & PageRequest,
) {
  const agency = query.agency ?? principal.agency;
  if (!agency) throw new ForbiddenError('Tài khoản không gắn cơ quan / the account has no agency');
  // The policy's `agency` grant: a queue of the caller's own agency (codes are public: 403 names nothing).
  authorize(
    principal,
    'workQueue.read',
    { kind: 'agencyResource', tenant: principal.tenant, agency },
    () => new ForbiddenError("Chỉ xem hàng đợi của cơ quan mình / only your own agency's queue"),
  );
  const allowed = queueRolesOf(principal);
  if (query.role && !allowed.includes(query.role))
    throw new ForbiddenError(
      `Chỉ xem hàng đợi của vai trò mình giữ, không có ${query.role} / only the queues of your own roles, not ${query.role}`,
    );
  const roles = query.role ? [query.role] : allowed;
  const calendar = await tenantCalendar(principal.tenant);
  const now = clock.now();
  // By ID number: its keyed hash, matched against the one stored beside the sealed number.
  const idHash =
    query.idNumber === undefined ? undefined : await idNumberSearchHash(principal.tenant, query.idNumber);
  if (query.idNumber !== undefined && idHash === undefined)
    return { agency, roles, now: toVnIso(now), items: [], nextCursor: undefined };
  const lists = await Promise.all(
    roles.map((role) =>
      listQueue(
        principal.tenant,
        agency,
        role,
        { after: query.cursor, limit: query.limit + 1 },
        {
          status: query.status,
          updatedSince: query.updatedSince && new Date(query.updatedSince).toISOString(),
          idHash,
        },
      ),
    ),
  );
  const merged = lists
    .flat()
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const entries = merged.slice(0, query.limit);
  const items = entries.map(({ dossier: d, updatedAt }) => {
    const step = d.steps[d.currentStep ?? 0];
    const paused = d.status === 'paused';
    const flags = paused
      ? { dueSoon: false, overdue: false }
      : stepFlags(calendar, step.startedAt, step.dueAt, now);
    return {
      code: d.code,
      procedure: { code: d.procedure.code, name: d.procedure.name },
      status: d.status,
      statusLabel: STATUS_LABELS[d.status],
      step: {
        index: step.index,
        name: step.name,
        agency: step.agency,
        role: step.role,
        assignee: step.assignee,
      },
      stepDueAt: step.dueAt ?? null,
      appointmentAt: d.appointmentAt,
      ...flags,
      paused,
      ...(updatedAt ? { updatedAt: toVnIso(new Date(updatedAt)) } : {}),
    };
  });
  const page = pageOf('queue', entries, merged.length > query.limit, (e) => e.position);
  return { agency, roles, now: toVnIso(now), items, nextCursor: page.nextCursor };
}

/** Form 06: every hand-off and action, oldest first, and the deadline alarms that fired. */
export async function controlSheetOf(principal: Principal, code: string) {
  const dossier = await dossierFor(principal, code, 'dossier.history');
  const [events, alarms, notifications] = await Promise.all([
    listDossierEvents(dossier.tenant, dossier.code),
    listAlarms(dossier.tenant, dossier.code),
    listNotifications(dossier.tenant, dossier.code),
  ]);
  return {
    code: dossier.code,
    form: '06' as const,
    alarms: alarms.sort((a, b) => a.firedAt.localeCompare(b.firedAt)),
    // What the applicant was told, by which channel, to which (masked) address: never the text.
    notifications: notifications
      .map((n) => ({
        at: n.sentAt ?? n.createdAt,
        kind: n.kind,
        channel: n.channel,
        to: n.toMasked,
        status: n.status,
        line: historyLine(n.summary, n.status),
      }))
      .sort((a, b) => a.at.localeCompare(b.at)),
    lines: events.map((e) => ({
      at: e.at,
      event: e.type,
      label: EVENT_LABELS[e.type],
      agency: e.agency,
      actor: e.actor,
      note: e.note,
      handoff: e.handoff
        ? {
            ...e.handoff,
            timelinessLabel: e.handoff.timeliness ? TIMELINESS_LABELS[e.handoff.timeliness] : undefined,
          }
        : undefined,
    })),
  };
}

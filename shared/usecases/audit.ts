/**
 * The audit log (issue 11 §6): `recordAudit` is the one hook the other use cases call, in the same
 * request and before the data leaves; `auditLogPage` and `auditLogCsv` are what auditors and
 * tenant admins read.
 *
 * A failed write fails the request (the error propagates: 500, logged). On purpose: a read whose
 * record could not be written would be a read of personal data nobody can account for, which the
 * law (Decree 13/2023) does not allow; answering nothing is the lesser harm.
 */
import type * as z from 'zod/mini';
import { encodeCursor } from '../api/cursor';
import type { auditQuery, auditExportQuery } from '../api/schemas/audit';
import {
  auditCsv,
  auditReason,
  isAuditedReader,
  type AuditAction,
  type AuditActor,
  type AuditRecord,
} from '../domain/audit';
import { newSortableId } from '../domain/ids';
import { toVnIso } from '../domain/vn-time';
import { auditPage, putAuditRecord } from '../data/audit-repo';
import { clock } from '../platform/clock';
import { UnprocessableError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { currentRequest } from '../platform/request-context';
import { actorOf } from './actor';

export interface AuditAbout {
  dossier?: string;
  /** The user, agency client, report or file concerned. */
  target?: string;
  /** What changed or was taken (roles granted, the period exported): never personal data. */
  detail?: string;
  /** The province the record belongs to, when not the caller's (the operator acting on one). */
  tenant?: string;
}

export function auditActorOf(principal: Principal): AuditActor {
  return {
    subject: principal.subject,
    username: principal.username,
    roles: [...principal.roles],
    tenant: principal.tenant,
    ...(principal.agency ? { agency: principal.agency } : {}),
    // An agency's system: its subject is its app client's id (principal.ts).
    ...(principal.scopes ? { clientId: principal.subject } : {}),
  };
}

/** Writes one record; the request's route, id and reason come from its context (http.ts). */
export async function recordAudit(principal: Principal, action: AuditAction, about: AuditAbout = {}) {
  const now = clock.now();
  const request = currentRequest();
  const reason = auditReason(request?.reason);
  const record: AuditRecord = {
    tenant: about.tenant ?? principal.tenant,
    at: now.toISOString(),
    id: newSortableId(now),
    actor: auditActorOf(principal),
    action,
    ...(about.dossier ? { dossier: about.dossier } : {}),
    ...(about.target ? { target: about.target } : {}),
    ...(about.detail ? { detail: about.detail } : {}),
    route: request?.route ?? 'unknown',
    ...(reason ? { reason } : {}),
    ...(request?.requestId ? { requestId: request.requestId } : {}),
  };
  await putAuditRecord(record);
}

/**
 * A read of a dossier's personal data. Staff and agency systems are recorded; a citizen reads only
 * their own dossiers (the access rule), which is no one else's data, so it is not.
 */
export async function recordDossierRead(principal: Principal, code: string): Promise<void> {
  if (isAuditedReader(actorOf(principal)))
    await recordAudit(principal, 'personalData.read', { dossier: code });
}

function viewOf(r: AuditRecord) {
  return {
    id: r.id,
    at: toVnIso(new Date(r.at)),
    atUtc: r.at,
    actor: { ...r.actor, roles: [...r.actor.roles] },
    action: r.action,
    ...(r.dossier ? { dossier: r.dossier } : {}),
    ...(r.target ? { target: r.target } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    route: r.route,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.requestId ? { requestId: r.requestId } : {}),
  };
}

/** The caller's own province only: the tenant is the token's, never a parameter. */
export async function auditLogPage(principal: Principal, query: z.output<typeof auditQuery>) {
  const { limit, cursor, ...filter } = query;
  const page = await auditPage(principal.tenant, filter, { after: cursor, limit });
  return {
    items: page.items.map(viewOf),
    ...(page.next ? { nextCursor: encodeAuditCursor(page.next) } : {}),
  };
}

/** Rows one export may hold: beyond, the caller narrows the period (a Lambda answers at most 6 MB). */
export const MAX_EXPORT_ROWS = 10_000;

export async function auditLogCsv(principal: Principal, query: z.output<typeof auditExportQuery>) {
  const records: AuditRecord[] = [];
  let after: string | undefined;
  do {
    const page = await auditPage(principal.tenant, query, { after, limit: 1000 }, 20_000);
    records.push(...page.items);
    if (records.length > MAX_EXPORT_ROWS)
      throw new UnprocessableError(
        'audit-export-too-large',
        `Quá ${MAX_EXPORT_ROWS} dòng: chọn khoảng ngày ngắn hơn hoặc lọc thêm / more than ${MAX_EXPORT_ROWS} records: narrow the period or filter`,
      );
    after = page.next;
  } while (after);
  // The export is itself a read of the log: recorded before the file leaves.
  await recordAudit(principal, 'export.audit', {
    detail: `${query.from}..${query.to}; ${records.length} records`,
  });
  return {
    bytes: new Uint8Array(Buffer.from(auditCsv(records), 'utf8')),
    fileName: `nhat-ky-truy-cap-${principal.tenant}-${query.from}_${query.to}.csv`,
  };
}

const encodeAuditCursor = (position: string) => encodeCursor('audit', position);

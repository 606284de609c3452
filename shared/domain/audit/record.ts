/**
 * The audit log's record (issue 11 §6): who read personal data, changed a role or an account, or
 * exported data; when, what, about which dossier or user, and why (the route, and the reason the
 * caller gave). Pure: the repository (shared/data/audit-repo.ts) stores it, the use case
 * (shared/usecases/audit.ts) builds it from the request.
 */
import { vnParts } from '../vn-time';

export const AUDIT_ACTIONS = [
  /** A full dossier view, a form or an attachment with the applicant's personal data, by staff or a system. */
  'personalData.read',
  'staff.create',
  /** Roles or agency changed. */
  'role.change',
  /** Name or enabled flag changed without a role change. */
  'staff.update',
  'staff.disable',
  'staff.enable',
  'staff.delete',
  /** The operator added a tenant admin. */
  'admin.add',
  'agencyClient.create',
  'agencyClient.delete',
  'export.report',
  'export.audit',
  /** The operator's CLI exported the whole province (npm run tenant -- export). */
  'export.tenant',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted. An agency's system is its client id (`clientId`), as its tokens name it. */
export interface AuditActor {
  subject: string;
  username: string;
  roles: readonly string[];
  /** The tenant of the caller: the platform's for the operator acting on a province. */
  tenant: string;
  agency?: string;
  clientId?: string;
}

export interface AuditRecord {
  /** The province the record belongs to (whose auditors read it). */
  tenant: string;
  /** UTC ISO instant with milliseconds: the sort key's first part. */
  at: string;
  /** Random, sortable: two records of one millisecond never collide. */
  id: string;
  actor: AuditActor;
  action: AuditAction;
  /** The dossier code read or concerned. */
  dossier?: string;
  /** The user, agency client, report or file concerned. */
  target?: string;
  /** What changed or was taken, in short (`roles=reception,auditor; agency=…`): never personal data. */
  detail?: string;
  /** Why: the route id (`getDossier`) or the CLI command (`cli:tenant-export`). */
  route: string;
  /** The reason the caller gave (`X-Audit-Reason`), when it gave one. */
  reason?: string;
  requestId?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The Vietnamese calendar day of an instant, `YYYY-MM-DD`: records are partitioned per tenant and
 * day, the days people ask for (from/to are Vietnamese dates), so a period reads its days' partitions.
 */
export function auditDay(at: Date): string {
  const p = vnParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The sort key of a record: UTC instant, then id. Newest first is descending order. */
export const auditPosition = (record: Pick<AuditRecord, 'at' | 'id'>): string => `${record.at}#${record.id}`;

/** What `auditPosition` produces; a page cursor must hold one of these. */
export const AUDIT_POSITION_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9A-HJKMNP-TV-Z]{26}$/;

/** The day partition a position lies in. */
export const dayOfPosition = (position: string): string => auditDay(new Date(position.split('#')[0]!));

/**
 * Whether reading a dossier by this caller is recorded. A citizen reads only their own dossiers
 * (shared/domain/dossier/access.ts): that is not someone else's personal data, so it is not audited.
 */
export const isAuditedReader = (actor: { kind: 'citizen' | 'staff' }): boolean => actor.kind === 'staff';

/**
 * A reason header's text kept for the record: one line, at most 200 characters. HTTP headers carry
 * Latin-1 only, so Vietnamese comes percent-encoded UTF-8 (`encodeURIComponent`); text that is not
 * valid percent-encoding is kept as sent.
 */
export function auditReason(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded: as sent.
  }
  const line = text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .trim()
    .slice(0, 200);
  return line === '' ? undefined : line;
}

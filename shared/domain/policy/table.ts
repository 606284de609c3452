/**
 * The authorization policy: for each action, which roles may take it and in which relation to the
 * thing it is done on. Read it as a table: a row per action, a column per role. A role absent from a
 * row may not take the action at all (403, before anything is looked up, so nothing leaks).
 *
 * - `tenant`: anywhere in the caller's own tenant (another tenant's things do not exist for it);
 * - `agency`: in the caller's own tenant, for its own agency only (its queue, its figures);
 * - `platform`: across tenants (the platform operator only);
 * - a list of relations (./relations.ts): only where one of them holds.
 *
 * docs/authorization.md prints this table (generated, see tools/authorization-doc.ts).
 */
import type { Role } from '../roles';
import type { Action } from './actions';
import type { Relation } from './relations';

export type Grant = 'tenant' | 'agency' | 'platform' | readonly Relation[];
export type PolicyRow = Partial<Record<Role, Grant>>;

const PASSED: readonly Relation[] = ['passedThroughMyAgency'];
const CLIENT: readonly Relation[] = ['myAgencysClient'];
const MINE: readonly Relation[] = ['submittedByMe'];
const RESULT_STEP: readonly Relation[] = ['atMyAgencyResultStep'];
const RECEIPT: readonly Relation[] = ['holdsReceipt'];

/** Reading a dossier (and its control sheet and files): who may, and as what. */
const READ_DOSSIER: PolicyRow = {
  reception: PASSED,
  specialist: PASSED,
  leader: PASSED,
  clerk: RESULT_STEP,
  agencySystem: CLIENT,
  citizen: MINE,
  tenantAdmin: 'tenant',
  auditor: 'tenant',
};

// Aligned columns read as the table they are.
// prettier-ignore
export const POLICY: Record<Action, PolicyRow> = {
  public: {},
  'tenants.operate':        { operator: 'platform' },
  'catalog.admin':          { tenantAdmin: 'tenant' },
  'staff.admin':            { tenantAdmin: 'tenant' },
  'agencyClients.admin':    { tenantAdmin: 'tenant' },
  'usage.read':             { tenantAdmin: 'tenant' },
  'reports.read':           { tenantAdmin: 'tenant', leader: 'agency', auditor: 'tenant' },
  'reports.export':         { tenantAdmin: 'tenant', leader: 'agency', auditor: 'tenant' },
  'serviceIndex.read':      { tenantAdmin: 'tenant', auditor: 'tenant' },
  'serviceIndex.write':     { tenantAdmin: 'tenant' },
  'audit.read':             { tenantAdmin: 'tenant', auditor: 'tenant' },
  'audit.export':           { tenantAdmin: 'tenant', auditor: 'tenant' },
  'workQueue.read':         { reception: 'agency', specialist: 'agency', leader: 'agency', agencySystem: 'agency', tenantAdmin: 'tenant' },
  'webhooks.read':          { tenantAdmin: 'tenant', agencySystem: CLIENT },
  'webhooks.manage':        { tenantAdmin: 'tenant', agencySystem: CLIENT },
  'dossier.submit':         { reception: 'tenant', citizen: 'tenant' },
  'dossier.decideReception': { reception: ['receivedAtMyCounter'] },
  // The lifecycle table (shared/domain/lifecycle/table.ts) says which action each relation allows;
  // this row is the union of its permits (a unit test holds them equal).
  'dossier.act': {
    reception: ['atMyAgencyStep', 'receivedAtMyCounter'],
    specialist: ['atMyAgencyStep'],
    leader: ['atMyAgencyStep'],
    clerk: ['atMyAgencyStep'],
    agencySystem: ['atMyAgencyStep'],
    citizen: MINE,
  },
  'dossier.read':           READ_DOSSIER,
  'dossier.history':        READ_DOSSIER,
  'attachments.read':       READ_DOSSIER,
  'attachments.write':      { reception: PASSED, specialist: PASSED, leader: PASSED, agencySystem: CLIENT, citizen: MINE, tenantAdmin: 'tenant' },
  'dossier.receipt':        { reception: PASSED, specialist: PASSED, leader: PASSED, clerk: RESULT_STEP, citizen: MINE, tenantAdmin: 'tenant', auditor: 'tenant' },
  'dossier.staffForms':     { reception: PASSED, specialist: PASSED, leader: PASSED, clerk: RESULT_STEP, tenantAdmin: 'tenant', auditor: 'tenant' },
  // Issue 11 §7: the receipt secret, on public routes, for the dossier it was printed for only.
  'receipt.read':           { citizen: RECEIPT },
  'receipt.act':            { citizen: RECEIPT },
};

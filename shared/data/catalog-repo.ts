/** The catalog store: tenants, agencies, procedures and staff, all in the tenant's partition. */
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { Agency, Procedure, TenantSettings } from '../api/schemas/catalog-model';
import { foldVietnamese } from '../domain/text';
import { ALWAYS, type Version } from '../domain/catalog/versions';
import { cancellationCodes } from './transactions';
import { AgencyEntity } from './entities/agency';
import { ProcedureEntity } from './entities/procedure';
import { StaffEntity } from './entities/staff';
import { TenantEntity } from './entities/tenant';

export async function putTenant(tenant: string, settings: TenantSettings): Promise<void> {
  await TenantEntity.build(PutItemCommand).item({ tenant, settings }).send();
}

export async function putAgency(tenant: string, agency: Agency): Promise<void> {
  await AgencyEntity.build(PutItemCommand)
    .item({ tenant, ...agency, parent: agency.parent ?? undefined })
    .send();
}

/** Writes the procedure as its only version, in force from always (the demo seed). */
export async function putProcedure(tenant: string, procedure: Procedure): Promise<void> {
  await writeProcedure(
    tenant,
    procedure.code,
    [{ effectiveFrom: ALWAYS, definition: procedure }],
    1,
    new Date(),
  );
}

/** The procedure changed in a write that lost a race: someone else wrote it since it was read. */
export class ProcedureChangedError extends Error {}

/**
 * Stores `versions` as the procedure's record, on condition that nobody wrote it since it was read
 * at `readRevision` (0: it did not exist, or predates revisions). Throws ProcedureChangedError if so.
 */
export async function putProcedureVersions(
  tenant: string,
  code: string,
  versions: Version<Procedure>[],
  readRevision: number,
  now: Date,
): Promise<void> {
  try {
    await writeProcedure(tenant, code, versions, readRevision + 1, now, revisionCondition(readRevision));
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException')
      throw new ProcedureChangedError(code);
    throw error;
  }
}

/** Items per transaction: DynamoDB's long-standing limit, which DynamoDB Local also honours. */
const WRITES_PER_TRANSACTION = 25;

/**
 * Many procedures' records at once (an import), in transactions of 25 conditional puts: batched
 * like BatchWriteItem, but each put keeps its condition on the revision it read, which
 * BatchWriteItem cannot carry. Answers the codes that lost to a concurrent write (not written);
 * the rest of their transaction is sent again without them.
 */
export async function putManyProcedureVersions(
  tenant: string,
  writes: ReadonlyArray<{ code: string; versions: Version<Procedure>[]; readRevision: number }>,
  now: Date,
): Promise<Set<string>> {
  const lost = new Set<string>();
  const groups: Array<typeof writes> = [];
  for (let i = 0; i < writes.length; i += WRITES_PER_TRANSACTION)
    groups.push(writes.slice(i, i + WRITES_PER_TRANSACTION));
  for (let group of groups) {
    for (let attempt = 0; group.length > 0; attempt++) {
      try {
        await execute(
          ...group.map((w) =>
            ProcedureEntity.build(PutTransaction)
              .item(procedureItem(tenant, w.code, w.versions, w.readRevision + 1, now))
              .options({ condition: revisionCondition(w.readRevision) }),
          ),
        );
        break;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes || attempt >= 3) throw error;
        group.forEach((w, i) => codes[i] === 'ConditionalCheckFailed' && lost.add(w.code));
        group = group.filter((w) => !lost.has(w.code));
      }
    }
  }
  return lost;
}

const revisionCondition = (readRevision: number) =>
  readRevision === 0
    ? ({ attr: 'revision', exists: false } as const)
    : ({ attr: 'revision', eq: readRevision } as const);

function procedureItem(
  tenant: string,
  code: string,
  versions: Version<Procedure>[],
  revision: number,
  now: Date,
) {
  // `field` and `searchText` describe the latest version (informative: the search runs in memory).
  const latest = versions[versions.length - 1]!.definition;
  return {
    tenant,
    code,
    field: latest.field,
    searchText: foldVietnamese(`${latest.code} ${latest.name}`),
    versions,
    revision,
    updatedAt: now.toISOString(),
  };
}

async function writeProcedure(
  tenant: string,
  code: string,
  versions: Version<Procedure>[],
  revision: number,
  now: Date,
  condition?: { attr: 'revision'; exists: false } | { attr: 'revision'; eq: number },
): Promise<void> {
  await ProcedureEntity.build(PutItemCommand)
    .item(procedureItem(tenant, code, versions, revision, now))
    .options(condition ? { condition } : {})
    .send();
}

export async function putStaff(
  tenant: string,
  staff: { username: string; agency: string; roles: string[] },
): Promise<void> {
  await StaffEntity.build(PutItemCommand)
    .item({ tenant, ...staff })
    .send();
}

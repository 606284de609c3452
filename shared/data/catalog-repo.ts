/** The catalog store: tenants, agencies, procedures and staff, all in the tenant's partition. */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import {
  agency as agencySchema,
  procedure as procedureSchema,
  tenantSettings,
  type Agency,
  type Procedure,
  type TenantSettings,
} from '../api/schemas/catalog-model';
import { foldVietnamese } from '../domain/text';
import { ALWAYS, versionAt, type Version } from '../domain/catalog/versions';
import { clock } from '../platform/clock';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { cancellationCodes } from './transactions';
import { queryAllByPrefix, queryPageByPrefix } from './query';
import { AgencyEntity, ProcedureEntity, StaffEntity, TenantEntity, tenantPk } from './table';

export async function getTenant(tenant: string): Promise<TenantSettings | undefined> {
  const { Item } = await TenantEntity.build(GetItemCommand).key({ tenant }).send();
  return Item ? tenantSettings.parse(Item.settings) : undefined;
}

export async function putTenant(tenant: string, settings: TenantSettings): Promise<void> {
  await TenantEntity.build(PutItemCommand).item({ tenant, settings }).send();
}

export async function putAgency(tenant: string, agency: Agency): Promise<void> {
  await AgencyEntity.build(PutItemCommand)
    .item({ tenant, ...agency, parent: agency.parent ?? undefined })
    .send();
}

export async function listAgencies(tenant: string): Promise<Agency[]> {
  return (await queryAllByPrefix(AgencyEntity, tenantPk(tenant), SORT_KEY_PREFIX.agency)).map(toAgency);
}

/** A page of the tenant's agencies in code order (the sort key's), after `after`. */
export async function agencyPage(
  tenant: string,
  page: { after?: string; limit: number },
): Promise<ListPage<Agency>> {
  const { items, more } = await queryPageByPrefix(
    AgencyEntity,
    tenantPk(tenant),
    SORT_KEY_PREFIX.agency,
    page,
  );
  return { items: items.map(toAgency), more };
}

function toAgency(i: unknown): Agency {
  const a = i as {
    code: string;
    name: string;
    parent?: string;
    receptionPoint: boolean;
    level: 'province' | 'commune';
    address?: string;
  };
  return agencySchema.parse({
    code: a.code,
    name: a.name,
    parent: a.parent ?? null,
    receptionPoint: a.receptionPoint,
    level: a.level,
    address: a.address,
  });
}

export async function agenciesByCode(tenant: string): Promise<Map<string, Agency>> {
  return new Map((await listAgencies(tenant)).map((a) => [a.code, a]));
}

/**
 * A procedure's stored record: every effective-dated version, oldest first, in one item (a handful
 * of versions, each a few kB), so "the version in force at t" is one GetItem and the catalog list
 * stays one query. An item written before versions existed reads as one version that always applied.
 */
export interface ProcedureRecord {
  versions: Version<Procedure>[];
  revision: number;
  updatedAt?: string;
}

function toRecord(item: { definition?: unknown; versions?: unknown; revision?: number; updatedAt?: string }) {
  const stored = (item.versions as Array<{ effectiveFrom: string; definition: unknown }> | undefined) ?? [
    { effectiveFrom: ALWAYS, definition: item.definition },
  ];
  return {
    versions: stored.map((v) => ({
      effectiveFrom: v.effectiveFrom,
      definition: procedureSchema.parse(v.definition),
    })),
    revision: item.revision ?? 0,
    updatedAt: item.updatedAt,
  } satisfies ProcedureRecord;
}

export async function getProcedureRecord(tenant: string, code: string): Promise<ProcedureRecord | undefined> {
  const { Item } = await ProcedureEntity.build(GetItemCommand)
    .key({ tenant, code })
    .options({ consistent: true })
    .send();
  return Item ? toRecord(Item) : undefined;
}

/** Every procedure's record by code (an import compares each line with it). */
export async function procedureRecords(tenant: string): Promise<Map<string, ProcedureRecord>> {
  const items = await queryAllByPrefix(ProcedureEntity, tenantPk(tenant), SORT_KEY_PREFIX.procedure, {
    consistent: true,
  });
  return new Map(items.map((i) => [i.code, toRecord(i)]));
}

/** The version in force at `at` (default: now on the shared clock). */
export async function getProcedure(
  tenant: string,
  code: string,
  at: Date = clock.now(),
): Promise<Procedure | undefined> {
  const { Item } = await ProcedureEntity.build(GetItemCommand).key({ tenant, code }).send();
  return Item ? versionAt(toRecord(Item).versions, at)?.definition : undefined;
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

/** Every procedure as in force at `at` (default: now on the shared clock). */
export async function listProcedures(tenant: string, at: Date = clock.now()): Promise<Procedure[]> {
  const items = await queryAllByPrefix(ProcedureEntity, tenantPk(tenant), SORT_KEY_PREFIX.procedure);
  return items.flatMap((i) => {
    const version = versionAt(toRecord(i).versions, at);
    return version ? [version.definition] : [];
  });
}

export async function putStaff(
  tenant: string,
  staff: { username: string; agency: string; roles: string[] },
): Promise<void> {
  await StaffEntity.build(PutItemCommand)
    .item({ tenant, ...staff })
    .send();
}

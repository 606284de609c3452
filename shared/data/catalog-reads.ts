/**
 * The catalog's reads: the tenant's settings, its agencies and its procedures. Apart from
 * catalog-repo.ts's writes (issue 14): a module's dynamodb-toolbox imports come with it into every
 * bundle that uses any of its exports, and nearly every route reads the agencies, so reading them
 * from the store that also writes bundled the put and transaction builders into every route.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import {
  agency as agencySchema,
  procedure as procedureSchema,
  tenantSettings,
  type Agency,
  type Procedure,
  type TenantSettings,
} from '../api/schemas/catalog-model';
import { ALWAYS, versionAt, type Version } from '../domain/catalog/versions';
import { clock } from '../platform/clock';
import { AgencyEntity } from './entities/agency';
import { ProcedureEntity } from './entities/procedure';
import { TenantEntity } from './entities/tenant';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { tenantPk } from './partition-keys';
import { queryAllByPrefix, queryPageByPrefix } from './query';

export async function getTenant(tenant: string): Promise<TenantSettings | undefined> {
  const { Item } = await TenantEntity.build(GetItemCommand).key({ tenant }).send();
  return Item ? tenantSettings.parse(Item.settings) : undefined;
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

/** Every procedure as in force at `at` (default: now on the shared clock). */
export async function listProcedures(tenant: string, at: Date = clock.now()): Promise<Procedure[]> {
  const items = await queryAllByPrefix(ProcedureEntity, tenantPk(tenant), SORT_KEY_PREFIX.procedure);
  return items.flatMap((i) => {
    const version = versionAt(toRecord(i).versions, at);
    return version ? [version.definition] : [];
  });
}

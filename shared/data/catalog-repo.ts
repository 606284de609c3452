/** The catalog store: tenants, agencies, procedures and staff, all in the tenant's partition. */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import {
  agency as agencySchema,
  procedure as procedureSchema,
  tenantSettings,
  type Agency,
  type Procedure,
  type TenantSettings,
} from '../api/schemas/catalog';
import { foldVietnamese } from '../domain/text';
import { collectPages, readPage, type ListPage } from './pages';
import {
  AgencyEntity,
  MainTable,
  ProcedureEntity,
  StaffEntity,
  TenantEntity,
  primaryKey,
  tenantPk,
} from './table';

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

/** Every item of one kind in the tenant's partition. */
function queryAll<E extends typeof AgencyEntity | typeof ProcedureEntity>(
  entity: E,
  tenant: string,
  prefix: string,
) {
  return collectPages<unknown>((exclusiveStartKey) =>
    MainTable.build(QueryCommand)
      .entities(entity)
      .query({ partition: tenantPk(tenant), range: { beginsWith: prefix } })
      .options({ exclusiveStartKey, maxPages: 1 })
      .send(),
  );
}

export async function listAgencies(tenant: string): Promise<Agency[]> {
  return (await queryAll(AgencyEntity, tenant, 'AGENCY#')).map(toAgency);
}

/** A page of the tenant's agencies in code order (the sort key's), after `after`. */
export async function agencyPage(
  tenant: string,
  page: { after?: string; limit: number },
): Promise<ListPage<Agency>> {
  const partition = tenantPk(tenant);
  const start = page.after === undefined ? undefined : primaryKey(partition, `AGENCY#${page.after}`);
  const { items, more } = await readPage<unknown>(
    (exclusiveStartKey) =>
      MainTable.build(QueryCommand)
        .entities(AgencyEntity)
        .query({ partition, range: { beginsWith: 'AGENCY#' } })
        .options({ exclusiveStartKey: exclusiveStartKey ?? start, maxPages: 1, limit: page.limit + 1 })
        .send(),
    page.limit,
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

export async function getProcedure(tenant: string, code: string): Promise<Procedure | undefined> {
  const { Item } = await ProcedureEntity.build(GetItemCommand).key({ tenant, code }).send();
  return Item ? procedureSchema.parse(Item.definition) : undefined;
}

export async function putProcedure(tenant: string, procedure: Procedure): Promise<void> {
  await ProcedureEntity.build(PutItemCommand)
    .item({
      tenant,
      code: procedure.code,
      field: procedure.field,
      searchText: foldVietnamese(`${procedure.code} ${procedure.name}`),
      definition: procedure,
    })
    .send();
}

export async function listProcedures(tenant: string): Promise<Procedure[]> {
  const items = await queryAll(ProcedureEntity, tenant, 'PROC#');
  return items.map((i) => procedureSchema.parse((i as { definition: unknown }).definition));
}

export async function putStaff(
  tenant: string,
  staff: { username: string; agency: string; roles: string[] },
): Promise<void> {
  await StaffEntity.build(PutItemCommand)
    .item({ tenant, ...staff })
    .send();
}

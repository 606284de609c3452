/** The catalog store: tenants, agencies, procedures and staff, all in the tenant's partition. */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import {
  agency as agencySchema,
  procedure as procedureSchema,
  tenantSettings,
  type Agency,
  type Procedure,
  type TenantSettings,
} from '../api/schemas/catalog';
import { foldVietnamese } from '../domain/text';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
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
  const items = await queryAllByPrefix(ProcedureEntity, tenantPk(tenant), SORT_KEY_PREFIX.procedure);
  return items.map((i) => procedureSchema.parse(i.definition));
}

export async function putStaff(
  tenant: string,
  staff: { username: string; agency: string; roles: string[] },
): Promise<void> {
  await StaffEntity.build(PutItemCommand)
    .item({ tenant, ...staff })
    .send();
}

/**
 * What the operator's tenant list shows of each province's health (shared/domain/tenants/health.ts),
 * read from counters: the report counters of the year level (one Query of one partition, a few
 * items per cell and year) and the tenant's health item (one GetItem). No dossier is read.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { stocksOf, type TenantHealth } from '../domain/tenants/health';
import { readCounters } from './report-repo';
import { TenantHealthEntity } from './table';

/** The transaction item that counts one delivery given up (delivery-repo's saveDeliveryIf). */
export const deadDeliveryCount = (tenant: string) =>
  TenantHealthEntity.build(UpdateTransaction).item({ tenant, deadDeliveries: $add(1) });

export async function readTenantHealth(tenant: string): Promise<TenantHealth> {
  const [years, { Item }] = await Promise.all([
    readCounters(tenant, 'year', {}),
    TenantHealthEntity.build(GetItemCommand).key({ tenant }).send(),
  ]);
  return { ...stocksOf(years.items.map((c) => c.flows)), failedDeliveries: Item?.deadDeliveries ?? 0 };
}

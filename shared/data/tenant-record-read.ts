/**
 * A province's registry item by its id (GetItem), apart from tenant-repo.ts's writes so that its
 * readers (the API-call counter, the usage pages) bundle dynamodb-toolbox's GetItem alone (issue 14).
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import type { TenantRecord } from '../domain/tenants/tenant';
import { asPlatform } from '../platform/tenant-scope-context';
import { TenantRecordEntity } from './entities/tenant-record';

/**
 * A platform read: with the execution role even inside a tenant scope (a tenant admin's usage page
 * reads its plan), which reaches the registry and no tenant's data (tenant-credentials.ts).
 */
export async function getTenantRecord(id: string): Promise<TenantRecord | undefined> {
  const { Item } = await asPlatform(() => TenantRecordEntity.build(GetItemCommand).key({ id }).send());
  return Item ? toTenantRecord(Item) : undefined;
}

/** The stored item as the domain's record: the optional fields only when present. */
export function toTenantRecord(i: unknown): TenantRecord {
  const r = i as TenantRecord;
  return {
    id: r.id,
    provinceCode: r.provinceCode,
    name: r.name,
    status: r.status,
    plan: r.plan,
    contact: r.contact,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    ...(r.statusChangedAt ? { statusChangedAt: r.statusChangedAt } : {}),
    ...(r.statusChangedBy ? { statusChangedBy: r.statusChangedBy } : {}),
    ...(r.deletion ? { deletion: r.deletion } : {}),
    ...(r.purge ? { purge: r.purge } : {}),
    ...(r.exports ? { exports: r.exports } : {}),
  };
}

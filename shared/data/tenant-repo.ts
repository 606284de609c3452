/**
 * The operator's tenant registry (one item per province under PLATFORM#TENANTS) and, for a new
 * province, its settings profile: both written in one transaction, each only if absent, so two
 * operators creating the same province at once make one and the other gets a conflict.
 */
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { TenantSettings } from '../api/schemas/catalog';
import type { TenantRecord } from '../domain/tenants/tenant';
import { keyFailure, type KeyRecordPut } from './idempotency-repo';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { queryPageByPrefix } from './query';
import { cancellationCodes } from './transactions';
import type { staffRecordPut } from './staff-repo';
import { TENANT_REGISTRY_PK, TenantEntity, TenantRecordEntity } from './table';
import { toTenantRecord } from './tenant-record-read';

type StaffRecordPut = ReturnType<typeof staffRecordPut>;

/** The registry item or the profile was there already: the tenant exists. */
export class TenantExistsError extends Error {
  constructor(id: string) {
    super(`tenant ${id} exists`);
    this.name = 'TenantExistsError';
  }
}

/**
 * The registry item and the profile, with the first admin's staff record and, when the request
 * has one, the item that takes its Idempotency-Key, all in one transaction.
 */
export async function createTenantRecord(
  record: TenantRecord,
  settings: TenantSettings,
  admin: StaffRecordPut,
  takeKey?: KeyRecordPut,
): Promise<void> {
  try {
    const puts = [
      TenantRecordEntity.build(PutTransaction)
        .item(record)
        .options({ condition: { attr: 'id', exists: false } }),
      TenantEntity.build(PutTransaction)
        .item({ tenant: record.id, settings })
        .options({ condition: { attr: 'tenant', exists: false } }),
      admin,
    ] as const;
    if (takeKey) await execute(...puts, takeKey);
    else await execute(...puts);
  } catch (error) {
    const key = takeKey ? keyFailure(error, 3) : undefined;
    if (key) throw key;
    if (cancellationCodes(error)?.some((c) => c === 'ConditionalCheckFailed'))
      throw new TenantExistsError(record.id);
    throw error;
  }
}

/** Status changes replace the item: the operator's change is the last word. */
export async function putTenantRecord(record: TenantRecord): Promise<void> {
  await TenantRecordEntity.build(PutItemCommand).item(record).send();
}

export async function tenantRecordPage(page: {
  after?: string;
  limit: number;
}): Promise<ListPage<TenantRecord>> {
  const { items, more } = await queryPageByPrefix(
    TenantRecordEntity,
    TENANT_REGISTRY_PK,
    SORT_KEY_PREFIX.tenantRecord,
    page,
  );
  return { items: items.map(toTenantRecord), more };
}

/**
 * The registry of agencies' systems: one item under the tenant (listing, admin) and one lookup
 * item by client id (the token issuers), always written and deleted together.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { AgencyClientRegistration } from '../platform/agency-client-claims';
import type { KeyRecordPut } from './idempotency-repo';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { queryPageByPrefix } from './query';
import { AgencyClientEntity, AgencyClientLookupEntity, tenantPk } from './table';

export interface AgencyClientRecord {
  tenant: string;
  clientId: string;
  agency: string;
  name: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
}

/** Both items in one transaction, with the request's Idempotency-Key record when it has one. */
export async function putAgencyClient(record: AgencyClientRecord, takeKey?: KeyRecordPut): Promise<void> {
  const writes = [
    AgencyClientEntity.build(PutTransaction).item(record),
    AgencyClientLookupEntity.build(PutTransaction).item({
      clientId: record.clientId,
      tenant: record.tenant,
      agency: record.agency,
    }),
  ] as const;
  if (takeKey) await execute(...writes, takeKey);
  else await execute(...writes);
}

/** Who a client id belongs to, for the token issuers; undefined for an unknown or revoked client. */
export async function findAgencyClient(clientId: string): Promise<AgencyClientRegistration | undefined> {
  const { Item } = await AgencyClientLookupEntity.build(GetItemCommand).key({ clientId }).send();
  return Item ? { tenant: Item.tenant, agency: Item.agency } : undefined;
}

export async function getAgencyClient(
  tenant: string,
  clientId: string,
): Promise<AgencyClientRecord | undefined> {
  const { Item } = await AgencyClientEntity.build(GetItemCommand).key({ tenant, clientId }).send();
  return Item ? toRecord(Item) : undefined;
}

/** A page of the tenant's agency systems in client id order, after `after`. */
export async function agencyClientPage(
  tenant: string,
  page: { after?: string; limit: number },
): Promise<ListPage<AgencyClientRecord>> {
  const { items, more } = await queryPageByPrefix(
    AgencyClientEntity,
    tenantPk(tenant),
    SORT_KEY_PREFIX.agencyClient,
    page,
  );
  return { items: items.map(toRecord), more };
}

export async function deleteAgencyClient(tenant: string, clientId: string): Promise<void> {
  await execute(
    AgencyClientEntity.build(DeleteTransaction).key({ tenant, clientId }),
    AgencyClientLookupEntity.build(DeleteTransaction).key({ clientId }),
  );
}

function toRecord(i: unknown): AgencyClientRecord {
  const r = i as AgencyClientRecord;
  return {
    tenant: r.tenant,
    clientId: r.clientId,
    agency: r.agency,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  };
}

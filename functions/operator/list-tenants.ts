import { listTenantsContract } from '../../shared/api/contracts/listTenants';
import { listTenantsMeta } from '../../shared/api/route-meta/listTenants';
import { httpHandler } from '../../shared/platform/http';
import { tenantRecords } from '../../shared/usecases/tenants';

export const handler = httpHandler(listTenantsMeta, listTenantsContract, async ({ query }) => ({
  status: 200,
  body: await tenantRecords(query),
}));

import { listTenantsContract } from '../../shared/api/contracts/listTenants';
import { httpHandler } from '../../shared/platform/http';
import { tenantRecords } from '../../shared/usecases/tenants';

export const handler = httpHandler(listTenantsContract, async ({ query }) => ({
  status: 200,
  body: await tenantRecords(query),
}));

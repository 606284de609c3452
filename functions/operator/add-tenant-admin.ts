import { addTenantAdminContract } from '../../shared/api/contracts/addTenantAdmin';
import { addTenantAdminMeta } from '../../shared/api/route-meta/addTenantAdmin';
import { httpHandler } from '../../shared/platform/http';
import { addTenantAdmin } from '../../shared/usecases/tenants';

export const handler = httpHandler(
  addTenantAdminMeta,
  addTenantAdminContract,
  async ({ params, body, idempotency, principal }) => ({
    status: 201,
    body: await addTenantAdmin(params.tenant, body, idempotency, undefined, principal),
  }),
);

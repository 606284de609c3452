import { addTenantAdminContract } from '../../shared/api/contracts/addTenantAdmin';
import { httpHandler } from '../../shared/platform/http';
import { addTenantAdmin } from '../../shared/usecases/tenants';

export const handler = httpHandler(
  addTenantAdminContract,
  async ({ params, body, idempotency, principal }) => ({
    status: 201,
    body: await addTenantAdmin(params.tenant, body, idempotency, undefined, principal),
  }),
);

import { httpHandler } from '../../shared/platform/http';
import { addTenantAdmin } from '../../shared/usecases/tenants';

export const handler = httpHandler('addTenantAdmin', async ({ params, body, idempotency }) => ({
  status: 201,
  body: await addTenantAdmin(params.tenant, body, idempotency),
}));

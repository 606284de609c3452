import { httpHandler } from '../../shared/platform/http';
import { addTenantAdmin } from '../../shared/usecases/tenants';

export const handler = httpHandler('addTenantAdmin', async ({ params, body, idempotency, principal }) => ({
  status: 201,
  body: await addTenantAdmin(params.tenant, body, idempotency, undefined, principal),
}));

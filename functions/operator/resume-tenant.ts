import { httpHandler } from '../../shared/platform/http';
import { setTenantStatus } from '../../shared/usecases/tenants';

export const handler = httpHandler('resumeTenant', async ({ params, principal }) => ({
  status: 200,
  body: await setTenantStatus(principal, params.tenant, 'active'),
}));

import { httpHandler } from '../../shared/platform/http';
import { purgeTenant } from '../../shared/usecases/tenants';

export const handler = httpHandler('purgeTenant', async ({ params }) => ({
  status: 200,
  body: await purgeTenant(params.tenant),
}));

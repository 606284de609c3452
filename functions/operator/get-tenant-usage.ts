import { httpHandler } from '../../shared/platform/http';
import { operatorTenantUsage } from '../../shared/usecases/usage';

export const handler = httpHandler('getTenantUsage', async ({ params, query }) => ({
  status: 200,
  body: await operatorTenantUsage(params.tenant, query.month),
}));

import { httpHandler } from '../../shared/platform/http';
import { tenantRecord } from '../../shared/usecases/tenants';

export const handler = httpHandler('getTenantRecord', async ({ params }) => ({
  status: 200,
  body: await tenantRecord(params.tenant),
}));

import { suspendTenantContract } from '../../shared/api/contracts/suspendTenant';
import { httpHandler } from '../../shared/platform/http';
import { setTenantStatus } from '../../shared/usecases/tenants';

export const handler = httpHandler(suspendTenantContract, async ({ params, principal }) => ({
  status: 200,
  body: await setTenantStatus(principal, params.tenant, 'suspended'),
}));

import { suspendTenantContract } from '../../shared/api/contracts/suspendTenant';
import { suspendTenantMeta } from '../../shared/api/route-meta/suspendTenant';
import { httpHandler } from '../../shared/platform/http';
import { setTenantStatus } from '../../shared/usecases/tenants';

export const handler = httpHandler(
  suspendTenantMeta,
  suspendTenantContract,
  async ({ params, principal }) => ({
    status: 200,
    body: await setTenantStatus(principal, params.tenant, 'suspended'),
  }),
);

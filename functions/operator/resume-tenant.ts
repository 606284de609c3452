import { resumeTenantContract } from '../../shared/api/contracts/resumeTenant';
import { resumeTenantMeta } from '../../shared/api/route-meta/resumeTenant';
import { httpHandler } from '../../shared/platform/http';
import { setTenantStatus } from '../../shared/usecases/tenants';

export const handler = httpHandler(resumeTenantMeta, resumeTenantContract, async ({ params, principal }) => ({
  status: 200,
  body: await setTenantStatus(principal, params.tenant, 'active'),
}));

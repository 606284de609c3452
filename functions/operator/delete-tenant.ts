import { deleteTenantContract } from '../../shared/api/contracts/deleteTenant';
import { deleteTenantMeta } from '../../shared/api/route-meta/deleteTenant';
import { httpHandler } from '../../shared/platform/http';
import { deleteTenant } from '../../shared/usecases/tenants';

export const handler = httpHandler(
  deleteTenantMeta,
  deleteTenantContract,
  async ({ params, query, principal }) => ({
    status: 200,
    body: await deleteTenant(principal, params.tenant, query.graceDays),
  }),
);

import { createTenantContract } from '../../shared/api/contracts/createTenant';
import { createTenantMeta } from '../../shared/api/route-meta/createTenant';
import { httpHandler } from '../../shared/platform/http';
import { createTenant } from '../../shared/usecases/tenants';

export const handler = httpHandler(
  createTenantMeta,
  createTenantContract,
  async ({ body, principal, idempotency }) => ({
    status: 201,
    body: await createTenant(principal, body, idempotency),
  }),
);

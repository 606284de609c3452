import { getUsageContract } from '../../shared/api/contracts/getUsage';
import { getUsageMeta } from '../../shared/api/route-meta/getUsage';
import { httpHandler } from '../../shared/platform/http';
import { tenantUsage } from '../../shared/usecases/usage';

/** A tenant admin's own tenant, from the token: another tenant's usage is not addressable here. */
export const handler = httpHandler(getUsageMeta, getUsageContract, async ({ query, principal }) => ({
  status: 200,
  body: await tenantUsage(principal.tenant, query.month),
}));

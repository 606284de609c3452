import { getTenantUsageContract } from '../../shared/api/contracts/getTenantUsage';
import { getTenantUsageMeta } from '../../shared/api/route-meta/getTenantUsage';
import { httpHandler } from '../../shared/platform/http';
import { operatorTenantUsage } from '../../shared/usecases/usage';

export const handler = httpHandler(getTenantUsageMeta, getTenantUsageContract, async ({ params, query }) => ({
  status: 200,
  body: await operatorTenantUsage(params.tenant, query.month),
}));

import { getTenantRecordContract } from '../../shared/api/contracts/getTenantRecord';
import { getTenantRecordMeta } from '../../shared/api/route-meta/getTenantRecord';
import { httpHandler } from '../../shared/platform/http';
import { tenantRecord } from '../../shared/usecases/tenants';

export const handler = httpHandler(getTenantRecordMeta, getTenantRecordContract, async ({ params }) => ({
  status: 200,
  body: await tenantRecord(params.tenant),
}));

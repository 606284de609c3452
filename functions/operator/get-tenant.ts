import { getTenantRecordContract } from '../../shared/api/contracts/getTenantRecord';
import { httpHandler } from '../../shared/platform/http';
import { tenantRecord } from '../../shared/usecases/tenants';

export const handler = httpHandler(getTenantRecordContract, async ({ params }) => ({
  status: 200,
  body: await tenantRecord(params.tenant),
}));

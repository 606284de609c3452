import { putAgencyContract } from '../../shared/api/contracts/putAgency';
import { putAgencyMeta } from '../../shared/api/route-meta/putAgency';
import { httpHandler } from '../../shared/platform/http';
import { saveAgency } from '../../shared/usecases/catalog';

export const handler = httpHandler(putAgencyMeta, putAgencyContract, async ({ params, body, principal }) => ({
  status: 200,
  body: await saveAgency(principal.tenant, { ...body, code: params.code }),
}));

import { httpHandler } from '../../shared/platform/http';
import { saveAgency } from '../../shared/usecases/catalog';

export const handler = httpHandler('putAgency', async ({ params, body, principal }) => ({
  status: 200,
  body: await saveAgency(principal.tenant, { ...body, code: params.code }),
}));

import { httpHandler } from '../../shared/platform/http';
import { saveProcedure } from '../../shared/usecases/catalog';

export const handler = httpHandler('putProcedure', async ({ params, body, principal }) => ({
  status: 200,
  body: await saveProcedure(principal.tenant, { ...body, code: params.code }),
}));

import { httpHandler } from '../../shared/platform/http';
import { procedureByCode } from '../../shared/usecases/catalog';

export const handler = httpHandler('getProcedure', async ({ params }) => ({
  status: 200,
  body: await procedureByCode(params.tenant, params.code),
}));

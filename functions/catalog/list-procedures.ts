import { httpHandler } from '../../shared/platform/http';
import { findProcedures } from '../../shared/usecases/catalog';

export const handler = httpHandler('listProcedures', async ({ params, query }) => ({
  status: 200,
  body: await findProcedures(params.tenant, query),
}));

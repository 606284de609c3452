import { httpHandler } from '../../shared/platform/http';
import { agencyTree } from '../../shared/usecases/catalog';

export const handler = httpHandler('listAgencies', async ({ params, query }) => ({
  status: 200,
  body: await agencyTree(params.tenant, query),
}));

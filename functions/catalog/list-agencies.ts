import { listAgenciesContract } from '../../shared/api/contracts/listAgencies';
import { httpHandler } from '../../shared/platform/http';
import { agencyTree } from '../../shared/usecases/catalog';

export const handler = httpHandler(listAgenciesContract, async ({ params, query }) => ({
  status: 200,
  body: await agencyTree(params.tenant, query),
}));

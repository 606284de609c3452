import { listAgenciesContract } from '../../shared/api/contracts/listAgencies';
import { listAgenciesMeta } from '../../shared/api/route-meta/listAgencies';
import { httpHandler } from '../../shared/platform/http';
import { agencyTree } from '../../shared/usecases/catalog';

export const handler = httpHandler(listAgenciesMeta, listAgenciesContract, async ({ params, query }) => ({
  status: 200,
  body: await agencyTree(params.tenant, query),
}));

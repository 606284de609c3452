import { getServiceIndexContract } from '../../shared/api/contracts/getServiceIndex';
import { getServiceIndexMeta } from '../../shared/api/route-meta/getServiceIndex';
import { httpHandler } from '../../shared/platform/http';
import { getServiceIndex } from '../../shared/usecases/service-index';

export const handler = httpHandler(
  getServiceIndexMeta,
  getServiceIndexContract,
  async ({ query, principal }) => ({
    status: 200,
    body: await getServiceIndex(principal, query),
  }),
);

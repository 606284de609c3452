import { getServiceIndexContract } from '../../shared/api/contracts/getServiceIndex';
import { httpHandler } from '../../shared/platform/http';
import { getServiceIndex } from '../../shared/usecases/service-index';

export const handler = httpHandler(getServiceIndexContract, async ({ query, principal }) => ({
  status: 200,
  body: await getServiceIndex(principal, query),
}));

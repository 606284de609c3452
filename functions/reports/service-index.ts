import { httpHandler } from '../../shared/platform/http';
import { getServiceIndex } from '../../shared/usecases/service-index';

export const handler = httpHandler('getServiceIndex', async ({ query, principal }) => ({
  status: 200,
  body: await getServiceIndex(principal, query),
}));

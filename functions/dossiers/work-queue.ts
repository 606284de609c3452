import { getWorkQueueContract } from '../../shared/api/contracts/getWorkQueue';
import { httpHandler } from '../../shared/platform/http';
import { workQueueFor } from '../../shared/usecases/processing';

export const handler = httpHandler(getWorkQueueContract, async ({ query, principal }) => ({
  status: 200,
  body: await workQueueFor(principal, query),
}));

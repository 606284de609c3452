import { getWorkQueueContract } from '../../shared/api/contracts/getWorkQueue';
import { getWorkQueueMeta } from '../../shared/api/route-meta/getWorkQueue';
import { httpHandler } from '../../shared/platform/http';
import { workQueueFor } from '../../shared/usecases/processing';

export const handler = httpHandler(getWorkQueueMeta, getWorkQueueContract, async ({ query, principal }) => ({
  status: 200,
  body: await workQueueFor(principal, query),
}));

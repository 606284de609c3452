import { putServiceIndexInputsContract } from '../../shared/api/contracts/putServiceIndexInputs';
import { putServiceIndexInputsMeta } from '../../shared/api/route-meta/putServiceIndexInputs';
import { httpHandler } from '../../shared/platform/http';
import { putServiceIndexInputsFor } from '../../shared/usecases/service-index';

export const handler = httpHandler(
  putServiceIndexInputsMeta,
  putServiceIndexInputsContract,
  async ({ body, principal }) => ({
    status: 200,
    body: await putServiceIndexInputsFor(principal, body),
  }),
);

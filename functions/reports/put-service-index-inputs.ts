import { putServiceIndexInputsContract } from '../../shared/api/contracts/putServiceIndexInputs';
import { httpHandler } from '../../shared/platform/http';
import { putServiceIndexInputsFor } from '../../shared/usecases/service-index';

export const handler = httpHandler(putServiceIndexInputsContract, async ({ body, principal }) => ({
  status: 200,
  body: await putServiceIndexInputsFor(principal, body),
}));

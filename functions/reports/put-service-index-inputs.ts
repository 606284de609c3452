import { httpHandler } from '../../shared/platform/http';
import { putServiceIndexInputsFor } from '../../shared/usecases/service-index';

export const handler = httpHandler('putServiceIndexInputs', async ({ body, principal }) => ({
  status: 200,
  body: await putServiceIndexInputsFor(principal, body),
}));

import { httpHandler } from '../../shared/platform/http';
import { registerAgencyClient } from '../../shared/usecases/agency-clients';

export const handler = httpHandler('createAgencyClient', async ({ body, principal, idempotency }) => ({
  status: 201,
  body: await registerAgencyClient(principal, body, idempotency),
}));

import { createAgencyClientContract } from '../../shared/api/contracts/createAgencyClient';
import { createAgencyClientMeta } from '../../shared/api/route-meta/createAgencyClient';
import { httpHandler } from '../../shared/platform/http';
import { registerAgencyClient } from '../../shared/usecases/agency-clients';

export const handler = httpHandler(
  createAgencyClientMeta,
  createAgencyClientContract,
  async ({ body, principal, idempotency }) => ({
    status: 201,
    body: await registerAgencyClient(principal, body, idempotency),
  }),
);

import { listAgencyClientsContract } from '../../shared/api/contracts/listAgencyClients';
import { listAgencyClientsMeta } from '../../shared/api/route-meta/listAgencyClients';
import { httpHandler } from '../../shared/platform/http';
import { agencyClientsOf } from '../../shared/usecases/agency-clients';

export const handler = httpHandler(
  listAgencyClientsMeta,
  listAgencyClientsContract,
  async ({ query, principal }) => ({
    status: 200,
    body: await agencyClientsOf(principal, query),
  }),
);

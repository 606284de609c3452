import { listAgencyClientsContract } from '../../shared/api/contracts/listAgencyClients';
import { httpHandler } from '../../shared/platform/http';
import { agencyClientsOf } from '../../shared/usecases/agency-clients';

export const handler = httpHandler(listAgencyClientsContract, async ({ query, principal }) => ({
  status: 200,
  body: await agencyClientsOf(principal, query),
}));

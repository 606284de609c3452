import { revokeAgencyClientContract } from '../../shared/api/contracts/revokeAgencyClient';
import { httpHandler } from '../../shared/platform/http';
import { revokeAgencyClient } from '../../shared/usecases/agency-clients';

export const handler = httpHandler(revokeAgencyClientContract, async ({ params, principal }) => {
  await revokeAgencyClient(principal, params.clientId);
  return { status: 204, body: undefined };
});

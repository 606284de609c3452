import { revokeAgencyClientContract } from '../../shared/api/contracts/revokeAgencyClient';
import { revokeAgencyClientMeta } from '../../shared/api/route-meta/revokeAgencyClient';
import { httpHandler } from '../../shared/platform/http';
import { revokeAgencyClient } from '../../shared/usecases/agency-clients';

export const handler = httpHandler(
  revokeAgencyClientMeta,
  revokeAgencyClientContract,
  async ({ params, principal }) => {
    await revokeAgencyClient(principal, params.clientId);
    return { status: 204, body: undefined };
  },
);

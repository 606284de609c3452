import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as agencyClient from '../schemas/agency-client';

export const listAgencyClientsContract = {
  id: 'listAgencyClients',
  request: { query: agencyClient.agencyClientListQuery },
  responses: {
    200: { description: 'Danh sách', schema: agencyClient.agencyClientList },
    ...problemResponses,
  },
} as const satisfies RouteContract;

import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as agencyClient from '../schemas/agency-client';

export const revokeAgencyClientContract = {
  id: 'revokeAgencyClient',
  request: { params: agencyClient.clientIdParams },
  responses: { 204: { description: 'Đã thu hồi / revoked' }, ...problemResponses },
} as const satisfies RouteContract;

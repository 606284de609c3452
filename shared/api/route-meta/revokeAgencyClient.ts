/** Route revokeAgencyClient's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const revokeAgencyClientMeta = {
  id: 'revokeAgencyClient',
  method: 'DELETE',
  path: '/v1/admin/agency-clients/{clientId}',
  entry: 'functions/admin/revoke-agency-client.ts',
  auth: 'user',
  action: 'agencyClients.admin',
  access: { table: 'readWrite', cognito: 'agencyClients', audit: true },
  summary: 'Thu hồi hệ thống của cơ quan / revoke an agency system: it gets no more tokens',
  tags: ['admin'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 538 KB measured
} as const satisfies RouteMeta;

/** Route createAgencyClient's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const createAgencyClientMeta = {
  id: 'createAgencyClient',
  method: 'POST',
  path: '/v1/admin/agency-clients',
  entry: 'functions/admin/create-agency-client.ts',
  auth: 'user',
  action: 'agencyClients.admin',
  access: { table: 'readWrite', cognito: 'agencyClients', audit: true },
  idempotent: true,
  summary:
    'Đăng ký hệ thống của một cơ quan (OAuth2 client credentials); bí mật chỉ hiện một lần / register an agency system; the secret is shown once',
  tags: ['admin'],
  bundle: { kb: 650, reason: ROUTE_REASON }, // 605 KB measured
} as const satisfies RouteMeta;

/** Route listAgencyClients's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listAgencyClientsMeta = {
  id: 'listAgencyClients',
  method: 'GET',
  path: '/v1/admin/agency-clients',
  entry: 'functions/admin/list-agency-clients.ts',
  auth: 'user',
  action: 'agencyClients.admin',
  access: { table: 'read' },
  summary: 'Các hệ thống cơ quan đã đăng ký, không kèm bí mật / registered agency systems, without secrets',
  tags: ['admin'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 511 KB measured
} as const satisfies RouteMeta;

/** Route trackDossier's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const trackDossierMeta = {
  id: 'trackDossier',
  method: 'GET',
  path: '/v1/public/{tenant}/dossiers/{code}',
  entry: 'functions/dossiers/track.ts',
  auth: 'public',
  action: 'public',
  access: { table: 'read' },
  summary: 'Tra cứu tiến độ hồ sơ theo mã, không cần đăng nhập / track a dossier by code',
  tags: ['tracking'],
  page: 'negotiated',
  bundle: { kb: 600, reason: ROUTE_REASON }, // 556 KB measured
} as const satisfies RouteMeta;

/** Route getControlSheet's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getControlSheetMeta = {
  id: 'getControlSheet',
  method: 'GET',
  path: '/v1/dossiers/{code}/history',
  entry: 'functions/dossiers/history.ts',
  auth: 'user',
  action: 'dossier.history',
  access: { table: 'read', personalData: true },
  summary: 'Phiếu kiểm soát quá trình giải quyết (mẫu 06) / the control sheet (form 06)',
  tags: ['processing'],
  bundle: { kb: 600, reason: ROUTE_REASON }, // 560 KB measured
} as const satisfies RouteMeta;

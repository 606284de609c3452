/** Route decideReception's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const decideReceptionMeta = {
  id: 'decideReception',
  method: 'POST',
  path: '/v1/dossiers/{code}/reception-decision',
  entry: 'functions/dossiers/decide-reception.ts',
  auth: 'user',
  action: 'dossier.decideReception',
  access: { table: 'readWrite', personalData: true, audit: true },
  idempotent: true,
  summary: 'Tiếp nhận, yêu cầu bổ sung hoặc từ chối hồ sơ nộp trực tuyến / decide on an online dossier',
  tags: ['dossiers'],
  bundle: { kb: 675, reason: ROUTE_REASON }, // 641 KB measured
} as const satisfies RouteMeta;

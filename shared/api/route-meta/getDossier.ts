/** Route getDossier's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getDossierMeta = {
  id: 'getDossier',
  method: 'GET',
  path: '/v1/dossiers/{code}',
  entry: 'functions/dossiers/get.ts',
  auth: 'user',
  action: 'dossier.read',
  access: { table: 'read', personalData: true, audit: true },
  summary: 'Toàn bộ hồ sơ cho cán bộ hoặc người nộp / full dossier for staff or its applicant',
  tags: ['dossiers'],
  bundle: { kb: 600, reason: ROUTE_REASON }, // 567 KB measured
} as const satisfies RouteMeta;

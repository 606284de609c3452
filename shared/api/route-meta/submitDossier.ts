/** Route submitDossier's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const submitDossierMeta = {
  id: 'submitDossier',
  method: 'POST',
  path: '/v1/dossiers',
  entry: 'functions/dossiers/submit.ts',
  auth: 'user',
  action: 'dossier.submit',
  access: { table: 'readWrite', personalData: true },
  idempotent: true,
  summary: 'Nộp / tiếp nhận hồ sơ tại quầy, trực tuyến hoặc qua bưu chính / submit or receive a dossier',
  tags: ['dossiers'],
  bundle: { kb: 675, reason: ROUTE_REASON }, // 649 KB measured
} as const satisfies RouteMeta;

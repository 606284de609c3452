/** Route actOnDossier's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const actOnDossierMeta = {
  id: 'actOnDossier',
  method: 'POST',
  path: '/v1/dossiers/{code}/actions',
  entry: 'functions/dossiers/act.ts',
  auth: 'user',
  action: 'dossier.act',
  access: { table: 'readWrite', personalData: true, audit: true },
  summary:
    'Xử lý hồ sơ: phân công, chuyển, trả lại, bổ sung, phê duyệt, ký, xin lỗi hẹn lại, trả kết quả, rút / act on a dossier (optimistic locking by expectedVersion)',
  tags: ['processing'],
  bundle: { kb: 675, reason: ROUTE_REASON }, // 643 KB measured
} as const satisfies RouteMeta;

/** Route actOnDossierByReceipt's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const actOnDossierByReceiptMeta = {
  id: 'actOnDossierByReceipt',
  method: 'POST',
  path: '/v1/public/{tenant}/dossiers/{code}/actions',
  entry: 'functions/dossiers/receipt-act.ts',
  auth: 'public',
  action: 'receipt.act',
  access: { table: 'readWrite', personalData: true },
  summary:
    'Người giữ giấy tiếp nhận nộp bổ sung (resubmit) hoặc rút hồ sơ (withdraw), mã bí mật trong header X-Receipt-Secret / the receipt holder supplements or withdraws',
  tags: ['tracking'],
  bundle: { kb: 675, reason: ROUTE_REASON }, // 642 KB measured
} as const satisfies RouteMeta;

/** Route listAttachmentsByReceipt's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

// Issue 11 §7: the receipt holder's scans for a supplement, the secret in X-Receipt-Secret.
export const listAttachmentsByReceiptMeta = {
  id: 'listAttachmentsByReceipt',
  method: 'GET',
  path: '/v1/public/{tenant}/dossiers/{code}/attachments',
  entry: 'functions/attachments/receipt-list.ts',
  auth: 'public',
  action: 'receipt.read',
  access: { table: 'read', personalData: true },
  summary:
    'Bản quét người giữ giấy tiếp nhận đã tải lên (mã bí mật trong header X-Receipt-Secret) / the scans the receipt holder uploaded',
  tags: ['tracking'],
  bundle: { kb: 600, reason: ROUTE_REASON }, // 575 KB measured
} as const satisfies RouteMeta;

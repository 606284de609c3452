/** Route getDossierByReceipt's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

// Issue 11 §7: an applicant without an account, with the receipt secret printed on form 01 (the
// X-Receipt-Secret header; a wrong or missing one answers the 404 of an unknown code).
export const getDossierByReceiptMeta = {
  id: 'getDossierByReceipt',
  method: 'GET',
  path: '/v1/public/{tenant}/dossiers/{code}/status',
  entry: 'functions/dossiers/receipt-status.ts',
  auth: 'public',
  action: 'receipt.read',
  access: { table: 'read', personalData: true },
  summary:
    'Tình trạng đầy đủ của hồ sơ cho người giữ giấy tiếp nhận (mã bí mật trong header X-Receipt-Secret) / the full status for whoever holds the receipt (its secret in the X-Receipt-Secret header)',
  tags: ['tracking'],
  bundle: { kb: 625, reason: ROUTE_REASON }, // 575 KB measured
} as const satisfies RouteMeta;

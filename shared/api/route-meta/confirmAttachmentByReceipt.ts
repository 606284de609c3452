/** Route confirmAttachmentByReceipt's metadata: how to add a route, shared/api/route-meta.ts. */
import { S3_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

// Issue 11 §7: the receipt holder's scans for a supplement, the secret in X-Receipt-Secret.
export const confirmAttachmentByReceiptMeta = {
  id: 'confirmAttachmentByReceipt',
  method: 'POST',
  path: '/v1/public/{tenant}/dossiers/{code}/attachments/{id}/confirm',
  entry: 'functions/attachments/receipt-confirm.ts',
  auth: 'public',
  action: 'receipt.act',
  // As confirmAttachment: reads and removes the staged upload, writes the checked bytes.
  access: {
    table: 'readWrite',
    bucket: { staging: ['read', 'delete'], stored: ['write'] },
    personalData: true,
  },
  summary:
    'Người giữ giấy tiếp nhận xác nhận tệp đã tải lên: kiểm tra kích thước, loại, SHA-256 / the receipt holder verifies what landed',
  tags: ['tracking'],
  bundle: { kb: 750, reason: S3_REASON }, // 712 KB measured
} as const satisfies RouteMeta;

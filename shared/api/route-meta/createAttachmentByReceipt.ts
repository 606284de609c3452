/** Route createAttachmentByReceipt's metadata: how to add a route, shared/api/route-meta.ts. */
import { S3_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

// Issue 11 §7: the receipt holder's scans for a supplement, the secret in X-Receipt-Secret.
export const createAttachmentByReceiptMeta = {
  id: 'createAttachmentByReceipt',
  method: 'POST',
  path: '/v1/public/{tenant}/dossiers/{code}/attachments',
  entry: 'functions/attachments/receipt-create.ts',
  auth: 'public',
  action: 'receipt.act',
  // Signs upload URLs for the staging area only, as createAttachment; the key's record too.
  access: { table: 'readWrite', bucket: { staging: ['write'] }, personalData: true },
  idempotent: true,
  summary:
    'Người giữ giấy tiếp nhận xin URL tải lên bản quét để nộp bổ sung (mã bí mật trong header X-Receipt-Secret) / the receipt holder gets a presigned upload URL for a scan',
  tags: ['tracking'],
  bundle: { kb: 775, reason: S3_REASON }, // 728 KB measured
} as const satisfies RouteMeta;

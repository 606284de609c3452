/** Route confirmAttachment's metadata: how to add a route, shared/api/route-meta.ts. */
import { S3_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const confirmAttachmentMeta = {
  id: 'confirmAttachment',
  method: 'POST',
  path: '/v1/dossiers/{code}/attachments/{id}/confirm',
  entry: 'functions/attachments/confirm.ts',
  auth: 'user',
  action: 'attachments.write',
  // Reads the staged upload and removes it; writes the checked bytes to the stored area.
  access: {
    table: 'readWrite',
    bucket: { staging: ['read', 'delete'], stored: ['write'] },
    personalData: true,
  },
  summary: 'Xác nhận tệp đã tải lên: kiểm tra kích thước, loại, SHA-256 / verify what landed',
  tags: ['attachments'],
  bundle: { kb: 725, reason: S3_REASON }, // 687 KB measured
} as const satisfies RouteMeta;

/** Route downloadAttachment's metadata: how to add a route, shared/api/route-meta.ts. */
import { S3_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const downloadAttachmentMeta = {
  id: 'downloadAttachment',
  method: 'GET',
  path: '/v1/dossiers/{code}/attachments/{id}/download',
  entry: 'functions/attachments/download.ts',
  auth: 'user',
  action: 'attachments.read',
  access: { table: 'read', bucket: { stored: ['read'] }, personalData: true, audit: true },
  summary: 'URL tải xuống ngắn hạn / short-lived download URL',
  tags: ['attachments'],
  bundle: { kb: 725, reason: S3_REASON }, // 685 KB measured
} as const satisfies RouteMeta;

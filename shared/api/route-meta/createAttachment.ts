/** Route createAttachment's metadata: how to add a route, shared/api/route-meta.ts. */
import { S3_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const createAttachmentMeta = {
  id: 'createAttachment',
  method: 'POST',
  path: '/v1/dossiers/{code}/attachments',
  entry: 'functions/attachments/create.ts',
  auth: 'user',
  action: 'attachments.write',
  // Signs upload URLs: for the staging area only, so no URL can write a stored scan.
  access: { table: 'readWrite', bucket: { staging: ['write'] }, personalData: true },
  idempotent: true,
  summary: 'Xin URL tải lên bản quét / get a presigned upload URL for a scan',
  tags: ['attachments'],
  bundle: { kb: 750, reason: S3_REASON }, // 715 KB measured
} as const satisfies RouteMeta;

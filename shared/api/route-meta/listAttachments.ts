/** Route listAttachments's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listAttachmentsMeta = {
  id: 'listAttachments',
  method: 'GET',
  path: '/v1/dossiers/{code}/attachments',
  entry: 'functions/attachments/list.ts',
  auth: 'user',
  action: 'attachments.read',
  access: { table: 'read', personalData: true },
  summary: "Danh sách bản quét của hồ sơ / the dossier's scans",
  tags: ['attachments'],
  bundle: { kb: 600, reason: ROUTE_REASON }, // 562 KB measured
} as const satisfies RouteMeta;

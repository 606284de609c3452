/** Route importCatalog's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const importCatalogMeta = {
  id: 'importCatalog',
  method: 'POST',
  path: '/v1/admin/catalog/imports',
  entry: 'functions/catalog/import-catalog.ts',
  auth: 'user',
  action: 'catalog.admin',
  access: { table: 'readWrite' },
  summary:
    'Nhập cây cơ quan hoặc danh mục thủ tục từ các dòng của tệp XLSX/CSV, báo từng dòng bị từ chối / import agencies or procedures from file lines, with a line-by-line report',
  tags: ['admin'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 544 KB measured
} as const satisfies RouteMeta;

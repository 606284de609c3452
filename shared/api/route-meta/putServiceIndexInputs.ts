/** Route putServiceIndexInputs's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const putServiceIndexInputsMeta = {
  id: 'putServiceIndexInputs',
  method: 'PUT',
  path: '/v1/reports/service-index/inputs',
  entry: 'functions/reports/put-service-index-inputs.ts',
  auth: 'user',
  action: 'serviceIndex.write',
  access: { table: 'readWrite' },
  summary:
    'Nhập số liệu chỉ số phục vụ mà hệ thống không có (thanh toán trực tuyến, công khai TTHC…), kèm nguồn / enter the index inputs the system does not hold, with their source',
  tags: ['reports'],
  bundle: { kb: 500, reason: ROUTE_REASON }, // 458 KB measured
} as const satisfies RouteMeta;

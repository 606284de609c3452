/** Route getWorkQueue's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getWorkQueueMeta = {
  id: 'getWorkQueue',
  method: 'GET',
  path: '/v1/work-queue',
  entry: 'functions/dossiers/work-queue.ts',
  auth: 'user',
  action: 'workQueue.read',
  access: { table: 'read', personalData: true },
  summary:
    'Hồ sơ chờ xử lý tại cơ quan, theo hạn, cờ sắp đến hạn / quá hạn / work queue by due time with due-soon and overdue flags',
  tags: ['processing'],
  bundle: { kb: 625, reason: ROUTE_REASON }, // 589 KB measured
} as const satisfies RouteMeta;

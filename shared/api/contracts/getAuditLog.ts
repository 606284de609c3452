import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as audit from '../schemas/audit';

export const getAuditLogContract = {
  id: 'getAuditLog',
  request: { query: audit.auditQuery },
  responses: { 200: { description: 'Bản ghi / records', schema: audit.auditList }, ...problemResponses },
} as const satisfies RouteContract;

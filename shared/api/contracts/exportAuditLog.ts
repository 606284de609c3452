import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as audit from '../schemas/audit';

export const exportAuditLogContract = {
  id: 'exportAuditLog',
  request: { query: audit.auditExportQuery },
  responses: {
    200: {
      description: 'Tệp CSV / the CSV file',
      schema: audit.csvDocument,
      mediaType: audit.CSV_MEDIA_TYPE,
    },
    422: {
      description: 'Quá nhiều dòng: thu hẹp khoảng ngày / too many records: narrow the period',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;

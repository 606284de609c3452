import { exportAuditLogContract } from '../../shared/api/contracts/exportAuditLog';
import { exportAuditLogMeta } from '../../shared/api/route-meta/exportAuditLog';
import { CSV_MEDIA_TYPE } from '../../shared/api/schemas/audit';
import { httpHandler } from '../../shared/platform/http';
import { auditLogCsv } from '../../shared/usecases/audit';

export const handler = httpHandler(
  exportAuditLogMeta,
  exportAuditLogContract,
  async ({ query, principal }) => {
    const file = await auditLogCsv(principal, query);
    return {
      status: 200,
      body: file.bytes,
      headers: {
        'content-type': `${CSV_MEDIA_TYPE}; charset=utf-8`,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
      },
    };
  },
);

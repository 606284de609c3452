import { getAuditLogContract } from '../../shared/api/contracts/getAuditLog';
import { getAuditLogMeta } from '../../shared/api/route-meta/getAuditLog';
import { httpHandler } from '../../shared/platform/http';
import { auditLogPage } from '../../shared/usecases/audit';

export const handler = httpHandler(getAuditLogMeta, getAuditLogContract, async ({ query, principal }) => ({
  status: 200,
  body: await auditLogPage(principal, query),
}));

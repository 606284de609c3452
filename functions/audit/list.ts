import { getAuditLogContract } from '../../shared/api/contracts/getAuditLog';
import { httpHandler } from '../../shared/platform/http';
import { auditLogPage } from '../../shared/usecases/audit';

export const handler = httpHandler(getAuditLogContract, async ({ query, principal }) => ({
  status: 200,
  body: await auditLogPage(principal, query),
}));

import { httpHandler } from '../../shared/platform/http';
import { auditLogPage } from '../../shared/usecases/audit';

export const handler = httpHandler('getAuditLog', async ({ query, principal }) => ({
  status: 200,
  body: await auditLogPage(principal, query),
}));

import { httpHandler } from '../../shared/platform/http';
import { staffAccounts } from '../../shared/usecases/staff';

export const handler = httpHandler('listStaff', async ({ query, principal }) => ({
  status: 200,
  body: await staffAccounts(principal, query),
}));

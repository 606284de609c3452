import { listStaffContract } from '../../shared/api/contracts/listStaff';
import { httpHandler } from '../../shared/platform/http';
import { staffAccounts } from '../../shared/usecases/staff';

export const handler = httpHandler(listStaffContract, async ({ query, principal }) => ({
  status: 200,
  body: await staffAccounts(principal, query),
}));

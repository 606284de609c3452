import { listStaffContract } from '../../shared/api/contracts/listStaff';
import { listStaffMeta } from '../../shared/api/route-meta/listStaff';
import { httpHandler } from '../../shared/platform/http';
import { staffAccounts } from '../../shared/usecases/staff';

export const handler = httpHandler(listStaffMeta, listStaffContract, async ({ query, principal }) => ({
  status: 200,
  body: await staffAccounts(principal, query),
}));

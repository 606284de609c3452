import { getStaffContract } from '../../shared/api/contracts/getStaff';
import { getStaffMeta } from '../../shared/api/route-meta/getStaff';
import { httpHandler } from '../../shared/platform/http';
import { staffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(getStaffMeta, getStaffContract, async ({ params, principal }) => ({
  status: 200,
  body: await staffAccount(principal, params.username),
}));

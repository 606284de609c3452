import { getStaffContract } from '../../shared/api/contracts/getStaff';
import { httpHandler } from '../../shared/platform/http';
import { staffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(getStaffContract, async ({ params, principal }) => ({
  status: 200,
  body: await staffAccount(principal, params.username),
}));

import { updateStaffContract } from '../../shared/api/contracts/updateStaff';
import { httpHandler } from '../../shared/platform/http';
import { changeStaffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(updateStaffContract, async ({ params, body, principal }) => ({
  status: 200,
  body: await changeStaffAccount(principal, params.username, body),
}));

import { httpHandler } from '../../shared/platform/http';
import { changeStaffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler('updateStaff', async ({ params, body, principal }) => ({
  status: 200,
  body: await changeStaffAccount(principal, params.username, body),
}));

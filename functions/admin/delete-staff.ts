import { deleteStaffContract } from '../../shared/api/contracts/deleteStaff';
import { httpHandler } from '../../shared/platform/http';
import { deleteStaffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(deleteStaffContract, async ({ params, principal }) => {
  await deleteStaffAccount(principal, params.username);
  return { status: 204, body: undefined };
});

import { deleteStaffContract } from '../../shared/api/contracts/deleteStaff';
import { deleteStaffMeta } from '../../shared/api/route-meta/deleteStaff';
import { httpHandler } from '../../shared/platform/http';
import { deleteStaffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(deleteStaffMeta, deleteStaffContract, async ({ params, principal }) => {
  await deleteStaffAccount(principal, params.username);
  return { status: 204, body: undefined };
});

import { updateStaffContract } from '../../shared/api/contracts/updateStaff';
import { updateStaffMeta } from '../../shared/api/route-meta/updateStaff';
import { httpHandler } from '../../shared/platform/http';
import { changeStaffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(
  updateStaffMeta,
  updateStaffContract,
  async ({ params, body, principal }) => ({
    status: 200,
    body: await changeStaffAccount(principal, params.username, body),
  }),
);

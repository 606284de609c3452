import { createStaffContract } from '../../shared/api/contracts/createStaff';
import { createStaffMeta } from '../../shared/api/route-meta/createStaff';
import { httpHandler } from '../../shared/platform/http';
import { createStaffAccount } from '../../shared/usecases/staff';

export const handler = httpHandler(
  createStaffMeta,
  createStaffContract,
  async ({ body, principal, idempotency }) => ({
    status: 201,
    body: await createStaffAccount(principal, body, idempotency),
  }),
);

import { getControlSheetContract } from '../../shared/api/contracts/getControlSheet';
import { getControlSheetMeta } from '../../shared/api/route-meta/getControlSheet';
import { httpHandler } from '../../shared/platform/http';
import { controlSheetOf } from '../../shared/usecases/processing';

export const handler = httpHandler(
  getControlSheetMeta,
  getControlSheetContract,
  async ({ params, principal }) => ({
    status: 200,
    body: await controlSheetOf(principal, params.code),
  }),
);

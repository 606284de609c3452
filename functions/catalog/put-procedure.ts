import { putProcedureContract } from '../../shared/api/contracts/putProcedure';
import { putProcedureMeta } from '../../shared/api/route-meta/putProcedure';
import { httpHandler } from '../../shared/platform/http';
import { saveProcedure } from '../../shared/usecases/catalog';

export const handler = httpHandler(
  putProcedureMeta,
  putProcedureContract,
  async ({ params, body, principal }) => ({
    status: 200,
    body: await saveProcedure(principal.tenant, { ...body, code: params.code }),
  }),
);

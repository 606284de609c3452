import { getProcedureContract } from '../../shared/api/contracts/getProcedure';
import { getProcedureMeta } from '../../shared/api/route-meta/getProcedure';
import { httpHandler } from '../../shared/platform/http';
import { negotiated, pageHandler } from '../../shared/platform/page-handler';
import { procedureByCode } from '../../shared/usecases/catalog';
import { procedureHtml } from '../../shared/usecases/public-pages';

const json = httpHandler(getProcedureMeta, getProcedureContract, async ({ params }) => ({
  status: 200,
  body: await procedureByCode(params.tenant, params.code),
}));

/** A browser gets the procedure's page. */
const page = pageHandler(getProcedureMeta, getProcedureContract, async ({ params, lang }) =>
  procedureHtml(params.tenant, params.code, lang),
);

export const handler = negotiated(json, page);

import { listProceduresContract } from '../../shared/api/contracts/listProcedures';
import { listProceduresMeta } from '../../shared/api/route-meta/listProcedures';
import { httpHandler } from '../../shared/platform/http';
import { negotiated, pageHandler } from '../../shared/platform/page-handler';
import { findProcedures } from '../../shared/usecases/catalog';
import { catalogHtml } from '../../shared/usecases/public-pages';

const json = httpHandler(listProceduresMeta, listProceduresContract, async ({ params, query }) => ({
  status: 200,
  body: await findProcedures(params.tenant, query),
}));

/** A browser gets the catalog page, searched the same way. */
const page = pageHandler(listProceduresMeta, listProceduresContract, async ({ params, query, lang }) =>
  catalogHtml(params.tenant, query, lang),
);

export const handler = negotiated(json, page);

import { importCatalogContract } from '../../shared/api/contracts/importCatalog';
import { importCatalogMeta } from '../../shared/api/route-meta/importCatalog';
import { httpHandler } from '../../shared/platform/http';
import { importCatalog } from '../../shared/usecases/catalog-import';

export const handler = httpHandler(importCatalogMeta, importCatalogContract, async ({ body, principal }) => ({
  status: 200,
  body: await importCatalog(principal.tenant, body),
}));

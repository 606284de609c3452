import { importCatalogContract } from '../../shared/api/contracts/importCatalog';
import { httpHandler } from '../../shared/platform/http';
import { importCatalog } from '../../shared/usecases/catalog-import';

export const handler = httpHandler(importCatalogContract, async ({ body, principal }) => ({
  status: 200,
  body: await importCatalog(principal.tenant, body),
}));

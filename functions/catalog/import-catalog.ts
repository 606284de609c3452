import { httpHandler } from '../../shared/platform/http';
import { importCatalog } from '../../shared/usecases/catalog-import';

export const handler = httpHandler('importCatalog', async ({ body, principal }) => ({
  status: 200,
  body: await importCatalog(principal.tenant, body),
}));

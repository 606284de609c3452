import { getOpenApiContract } from '../../shared/api/contracts/getOpenApi';
import { getOpenApiMeta } from '../../shared/api/route-meta/getOpenApi';
import { buildOpenApiDocument } from '../../shared/api/openapi';
import { httpHandler } from '../../shared/platform/http';

const document = buildOpenApiDocument();

export const handler = httpHandler(getOpenApiMeta, getOpenApiContract, async () => ({
  status: 200,
  body: document,
  headers: {
    'content-type': 'application/vnd.oai.openapi+json; charset=utf-8',
    'cache-control': 'public, max-age=300',
  },
}));

import { notFoundContract } from '../../shared/api/contracts/notFound';
import { notFoundMeta } from '../../shared/api/route-meta/notFound';
import { NotFoundError } from '../../shared/platform/errors';
import { httpHandler } from '../../shared/platform/http';

/** The API's catch-all route: any path or method the route table lacks is a 404 problem. */
export const handler = httpHandler(notFoundMeta, notFoundContract, async () => {
  throw new NotFoundError(
    'Không có đường dẫn này, xem /v1/openapi.json / no such route, see /v1/openapi.json',
  );
});

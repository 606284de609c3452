import { getApiReferenceContract } from '../../shared/api/contracts/getApiReference';
import { getApiReferenceMeta } from '../../shared/api/route-meta/getApiReference';
import { pageHandler } from '../../shared/platform/page-handler';
import { apiReferenceHtml } from '../../shared/usecases/api-reference-page';

/** Public: the OpenAPI document rendered as a page. */
export const handler = pageHandler(getApiReferenceMeta, getApiReferenceContract, async ({ lang }) =>
  apiReferenceHtml(lang),
);

import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as pages from '../schemas/pages';

export const trackingFormContract = {
  id: 'trackingForm',
  request: { params: catalog.tenantPath, query: pages.trackingFormQuery },
  responses: {
    200: {
      description: 'Trang tra cứu / the form',
      schema: pages.htmlPage,
      mediaType: pages.HTML_MEDIA_TYPE,
    },
    303: { description: 'Đến trang tiến độ của hồ sơ / see the dossier’s tracking page (Location)' },
    ...problemResponses,
  },
} as const satisfies RouteContract;

import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as pages from '../schemas/pages';

export const getApiReferenceContract = {
  id: 'getApiReference',
  request: { query: pages.langQuery },
  responses: {
    200: {
      description: 'Tài liệu API / the reference',
      schema: pages.htmlPage,
      mediaType: pages.HTML_MEDIA_TYPE,
    },
    400: problemResponses[400],
  },
} as const satisfies RouteContract;

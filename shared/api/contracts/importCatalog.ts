import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as catalogImport from '../schemas/catalog-import';

export const importCatalogContract = {
  id: 'importCatalog',
  request: { body: catalogImport.catalogImportRequest },
  responses: {
    200: {
      description: 'Kết quả từng dòng / outcome of each line',
      schema: catalogImport.catalogImportResult,
    },
    422: {
      description: 'Ngày hiệu lực đã qua / the effective date is past',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;

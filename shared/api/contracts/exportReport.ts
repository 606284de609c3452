import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as serviceIndex from '../schemas/service-index';

export const exportReportContract = {
  id: 'exportReport',
  request: { query: serviceIndex.reportExportQuery },
  responses: {
    200: {
      description: 'Tệp XLSX / the workbook',
      schema: serviceIndex.xlsxDocument,
      mediaType: serviceIndex.XLSX_MEDIA_TYPE,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;

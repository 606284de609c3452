import * as z from 'zod/mini';
import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as pages from '../schemas/pages';

export const listProceduresContract = {
  id: 'listProcedures',
  request: { params: catalog.tenantPath, query: z.extend(catalog.procedureQuery, pages.langField) },
  responses: {
    200: { description: 'Danh sách thủ tục', schema: catalog.procedureList },
    ...problemResponses,
  },
} as const satisfies RouteContract;

import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as pages from '../schemas/pages';

export const getProcedureContract = {
  id: 'getProcedure',
  request: { params: catalog.procedurePath, query: pages.langQuery },
  responses: { 200: { description: 'Thủ tục', schema: catalog.procedure }, ...problemResponses },
} as const satisfies RouteContract;

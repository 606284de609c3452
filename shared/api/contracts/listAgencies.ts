import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';

export const listAgenciesContract = {
  id: 'listAgencies',
  request: { params: catalog.tenantPath, query: catalog.agencyListQuery },
  responses: { 200: { description: 'Cơ quan', schema: catalog.agencyList }, ...problemResponses },
} as const satisfies RouteContract;

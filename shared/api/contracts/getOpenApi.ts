import type { RouteContract } from './contract';

export const getOpenApiContract = {
  id: 'getOpenApi',
  responses: { 200: { description: 'OpenAPI 3.1' } },
} as const satisfies RouteContract;

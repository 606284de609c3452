import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';

export const getTenantSettingsContract = {
  id: 'getTenantSettings',
  responses: { 200: { description: 'Cấu hình', schema: catalog.tenantView }, ...problemResponses },
} as const satisfies RouteContract;

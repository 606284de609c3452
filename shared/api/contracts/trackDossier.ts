import * as z from 'zod/mini';
import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as common from '../schemas/common';
import * as dossier from '../schemas/dossier';
import * as pages from '../schemas/pages';

export const trackDossierContract = {
  id: 'trackDossier',
  request: { params: z.extend(catalog.tenantPath, { code: common.dossierCode }), query: pages.langQuery },
  responses: { 200: { description: 'Tiến độ', schema: dossier.trackingView }, ...problemResponses },
} as const satisfies RouteContract;

import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as dossier from '../schemas/dossier';

export const getDossierContract = {
  id: 'getDossier',
  request: { params: dossier.dossierCodeParams },
  responses: { 200: { description: 'Hồ sơ', schema: dossier.dossierView }, ...problemResponses },
} as const satisfies RouteContract;

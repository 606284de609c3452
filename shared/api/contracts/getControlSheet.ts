import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as dossier from '../schemas/dossier';
import * as actions from '../schemas/actions';

export const getControlSheetContract = {
  id: 'getControlSheet',
  request: { params: dossier.dossierCodeParams },
  responses: { 200: { description: 'Phiếu kiểm soát', schema: actions.controlSheet }, ...problemResponses },
} as const satisfies RouteContract;

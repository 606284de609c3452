/**
 * The actions route's body, built from the lifecycle table: apart from the work queue's and the
 * control sheet's schemas (./actions.ts, which re-exports it) so that only actOnDossier and the
 * OpenAPI document bundle the table (issue 14: 13 KB minified).
 */
import type * as z from 'zod/mini';
import { LIFECYCLE } from '../../domain/lifecycle/table';
import { actionRequestSchema } from './lifecycle';

/** `{ action, ...body, expectedVersion }`, one per entry of the lifecycle table the actions route takes. */
export const dossierAction = actionRequestSchema(LIFECYCLE);
export type DossierAction = z.infer<typeof dossierAction>;
export type ActionName = DossierAction['action'];

/**
 * The request bodies of the lifecycle's routes, derived from the lifecycle table
 * (shared/domain/lifecycle/table.ts): the actions route's `{ action, ...body, expectedVersion }`
 * and the reception decision's `{ outcome, ...body }`. The table names each body's fields; this
 * module hands it the HTTP layer's field schemas (trimmed, bounded, no control characters).
 */
import * as z from 'zod/mini';
import type { ActionRequest, ReceptionDecision } from '../../domain/lifecycle/engine';
import type { ActionTable, BodyFields } from '../../domain/lifecycle/spec';
import { agencyCode, calendarDateTime, multiLine, singleLine, username } from './common';
import { MAX_PROCEDURE_STEPS } from './limits';

export const submittedDocument = z.object({
  name: singleLine(500).check(z.minLength(1)),
  kind: z._default(z.enum(['original', 'copy', 'certifiedCopy', 'electronic']), 'copy'),
  copies: z._default(z.number().check(z.int(), z.gte(1), z.lte(50)), 1),
});

export const supplementItem = z.object({
  document: singleLine(500).check(z.minLength(1)),
  reason: multiLine(1000).check(z.minLength(1)),
});

export const BODY_FIELDS: BodyFields = {
  lines: multiLine,
  line: singleLine,
  username,
  agencyCode,
  instant: calendarDateTime,
  supplementItem,
  submittedDocument,
  stepIndex: z.number().check(z.int(), z.gte(0), z.lte(MAX_PROCEDURE_STEPS - 1)),
};

/**
 * Every change names the version it was decided on: optimistic locking, 409 when stale. Bounded
 * well below what a DynamoDB number or a condition expression takes.
 */
export const versioned = { expectedVersion: z.number().check(z.int(), z.gte(1), z.lte(1_000_000)) };

type Options = [z.ZodMiniObject, ...z.ZodMiniObject[]];

/** The actions route's body: one object per table entry the route takes, told apart by `action`. */
export function actionRequestSchema<T extends ActionTable>(table: T, fields: BodyFields = BODY_FIELDS) {
  const options = Object.entries(table)
    .filter(([, spec]) => spec.request.route === 'actions')
    .map(([key, spec]) => z.object({ action: z.literal(key), ...spec.body(fields), ...versioned }));
  return z.discriminatedUnion('action', options as Options) as unknown as z.ZodMiniType<
    ActionRequest<T> & { expectedVersion: number }
  >;
}

/** A reception decision, told apart by `outcome`; `withVersion` for the route on an existing dossier. */
export function receptionDecisionSchema<T extends ActionTable, V extends boolean>(
  table: T,
  withVersion: V,
  fields: BodyFields = BODY_FIELDS,
) {
  const options = Object.values(table).flatMap((spec) =>
    spec.request.route === 'reception-decision'
      ? [
          z.object({
            outcome: z.literal(spec.request.outcome),
            ...spec.body(fields),
            ...(withVersion ? versioned : {}),
          }),
        ]
      : [],
  );
  return z.discriminatedUnion('outcome', options as Options) as unknown as z.ZodMiniType<
    ReceptionDecision<T> & (V extends true ? { expectedVersion: number } : unknown)
  >;
}

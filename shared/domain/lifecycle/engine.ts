/**
 * Runs a lifecycle table entry (./table.ts): the status allows it, the actor may take it, its
 * guard holds; then its effect, its history line, and the version bump — the only place a
 * dossier's version moves. Generic over the table, so a test's table runs the same way.
 */
import type * as z from 'zod/mini';
import type { WorkingCalendar } from '../calendar';
import type { Actor, Dossier, DossierEvent } from '../dossier/model';
import { workingRoles } from '../roles';
import { toVnIso } from '../vn-time';
import type { ActionContext, ActionSpec, ActionTable, Permit } from './spec';
import type { DossierStatus } from './statuses';
import { DOSSIER_STATUSES } from './statuses';
import { rule } from './steps';
import { LIFECYCLE, type ActionKey, type Lifecycle } from './table';

export interface Transition {
  dossier: Dossier;
  events: DossierEvent[];
}

/** The one place a dossier's version moves: every recorded change, its creation included. */
export const nextVersion = (d: Dossier): Dossier => ({ ...d, version: d.version + 1 });

/** The body an entry takes (besides its name and `expectedVersion`). */
export type BodyOf<T extends ActionTable, K extends keyof T> =
  // An empty shape's output is Record<string, never>, which would swallow `action`.
  keyof ReturnType<T[K]['body']> extends never
    ? unknown
    : z.output<z.ZodMiniObject<ReturnType<T[K]['body']>>>;

type KeysOfRoute<T extends ActionTable, R extends string> = {
  [K in keyof T]: T[K]['request'] extends { route: R } ? K : never;
}[keyof T];

/** A request of the actions route, as the domain takes it: `{ action, ...body }`. */
export type ActionRequest<T extends ActionTable = Lifecycle> = {
  [K in KeysOfRoute<T, 'actions'>]: { action: K } & BodyOf<T, K>;
}[KeysOfRoute<T, 'actions'>];

/** A reception decision: `{ outcome, ...body }`. */
export type ReceptionDecision<T extends ActionTable = Lifecycle> = {
  [K in KeysOfRoute<T, 'reception-decision'>]: {
    outcome: T[K]['request'] extends { outcome: infer O } ? O : never;
  } & BodyOf<T, K>;
}[KeysOfRoute<T, 'reception-decision'>];

/** Which actions each status allows (final statuses allow none). */
export function allowedActions<T extends ActionTable>(
  table: T,
): Record<DossierStatus, Array<keyof T & string>> {
  return Object.fromEntries(
    DOSSIER_STATUSES.map((s) => [s, Object.keys(table).filter((k) => table[k].from.includes(s))]),
  ) as Record<DossierStatus, Array<keyof T & string>>;
}

export const ALLOWED_ACTIONS = allowedActions(LIFECYCLE);

/** Whether the actor stands in this relation to the dossier. */
function holds(p: Permit, ctx: ActionContext, body: Record<string, unknown>): boolean {
  const { actor: a, dossier: d } = ctx;
  switch (p.relation) {
    case 'applicant':
      // The citizen who submitted it online, or whoever gave its receipt secret (issue 11 §7).
      if (a.receiptFor !== undefined) return a.kind === 'citizen' && a.receiptFor === d.code;
      return a.kind === 'citizen' && d.submittedBy.kind === 'citizen' && d.submittedBy.subject === a.subject;
    case 'counter':
      return (
        a.kind === 'staff' &&
        a.agency === d.receivingAgency &&
        (!p.roles || p.roles.some((r) => workingRoles(a.roles).includes(r)))
      );
    case 'step': {
      if (d.currentStep === null || a.kind !== 'staff') return false;
      const step = d.steps[d.currentStep];
      const wanted = p.roles.map((r) => (r === 'step' ? step.role : r));
      return (
        a.agency === step.agency &&
        wanted.some((r) => (r === 'clerk' ? a.roles.includes('clerk') : workingRoles(a.roles).includes(r))) &&
        (!p.when || p.when.holds(ctx, body))
      );
    }
  }
}

function authorize(spec: ActionSpec, ctx: ActionContext, body: Record<string, unknown>): void {
  if (spec.who.some((p) => holds(p, ctx, body))) return;
  if (spec.denied) throw rule(403, spec.denied.rule, 'token', spec.denied.message);
  const d = ctx.dossier;
  const step = d.currentStep === null ? undefined : d.steps[d.currentStep];
  const roles = spec.who.flatMap((p) =>
    p.relation === 'step' ? p.roles.map((r) => (r === 'step' ? step?.role : r)) : [],
  );
  throw rule(
    403,
    'not-your-step',
    'token',
    `Bước "${step?.name}" do ${roles.join('/')} của ${step?.agency} xử lý / this step belongs to ${roles.join('/')} at ${step?.agency}`,
  );
}

export interface ActInput {
  actor: Actor;
  now: Date;
  calendar: WorkingCalendar;
  agencyExists?: (code: string) => boolean;
  procedure?: ActionContext['procedure'];
}

/** Runs entry `key` of `table` on `dossier`; throws DomainRuleError when it is not allowed. */
export function runAction<T extends ActionTable>(
  table: T,
  key: keyof T & string,
  dossier: Dossier,
  body: Record<string, unknown>,
  input: ActInput,
): Transition {
  const spec = table[key];
  const ctx: ActionContext = {
    dossier,
    actor: input.actor,
    now: input.now,
    at: toVnIso(input.now),
    calendar: input.calendar,
    agencyExists: input.agencyExists ?? (() => true),
    procedure: input.procedure,
  };
  if (spec.accessFirst) authorize(spec, ctx, body);
  if (!spec.from.includes(dossier.status)) {
    const w = spec.wrongStatus;
    if (w) throw rule(409, w.rule, w.field, w.message(dossier.status));
    throw rule(
      409,
      'action-not-allowed',
      'body.action',
      `Không thể "${key}" khi hồ sơ "${dossier.status}" / "${key}" is not allowed while the dossier is "${dossier.status}"`,
    );
  }
  if (!spec.accessFirst) authorize(spec, ctx, body);
  const effect = spec.apply(ctx, body);
  const event: DossierEvent = {
    at: ctx.at,
    type: spec.history as DossierEvent['type'],
    agency: effect.agency,
    actor: ctx.actor.username,
    note: effect.note,
    ...(effect.handoff ? { handoff: effect.handoff } : {}),
  };
  return { dossier: nextVersion(effect.dossier), events: [event] };
}

/** Applies one action of the actions route (the request may carry `expectedVersion`; the use case checks it). */
export function applyAction(
  dossier: Dossier,
  request: ActionRequest,
  actor: Actor,
  now: Date,
  calendar: WorkingCalendar,
  agencyExists?: (code: string) => boolean,
): Transition {
  const { action, ...body } = request;
  return runAction(LIFECYCLE, action, dossier, body, { actor, now, calendar, agencyExists });
}

/** The table entry a reception outcome names. */
export function receptionActionOf<T extends ActionTable>(table: T, outcome: string): keyof T & string {
  const key = Object.keys(table).find((k) => {
    const r = table[k].request;
    return r.route === 'reception-decision' && r.outcome === outcome;
  });
  if (!key) throw new Error(`no reception outcome ${outcome}`);
  return key;
}

/** Applies the receiving counter's decision (accept, request a supplement, refuse). */
export function decideReception(
  dossier: Dossier,
  decision: ReceptionDecision,
  procedure: NonNullable<ActionContext['procedure']>,
  officer: Actor,
  now: Date,
  calendar: WorkingCalendar,
): Transition {
  const { outcome, ...body } = decision;
  const key: ActionKey = receptionActionOf(LIFECYCLE, outcome);
  return runAction(LIFECYCLE, key, dossier, body, { actor: officer, now, calendar, procedure });
}

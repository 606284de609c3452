/**
 * The shape of one lifecycle table entry (./table.ts) and what its `apply` works with. Kept apart
 * from the table so the engine, the docs generator and a test's own table share one vocabulary.
 */
import type * as z from 'zod/mini';
import type { WorkingCalendar } from '../calendar';
import type { Actor, Dossier, Handoff } from '../dossier/model';
import type { Procedure } from '../catalog/model';
import type { DossierStatus } from './statuses';
import type { StepRole } from '../roles';

/**
 * A text field the table may narrow further (`.check(z.minLength(1))`): a string schema of either
 * zod flavour, classic or mini, since both take checks the same way.
 */
export interface TextField extends z.core.$ZodType<string, string> {
  check(...checks: Array<z.core.$ZodCheck<string>>): TextField;
}

/**
 * The field schemas a request body is made of. The HTTP layer owns input hygiene (trimming,
 * control characters, code patterns) and hands them in, so the domain imports nothing from it.
 * Typed by zod's core, so classic and mini schemas both fit.
 */
export interface BodyFields {
  /** Free text over lines, trimmed, at most `max` characters. */
  lines: (max: number) => TextField;
  /** One line of text, trimmed, at most `max` characters. */
  line: (max: number) => TextField;
  username: z.core.$ZodType<string, string>;
  agencyCode: z.core.$ZodType<string, string>;
  /** An instant with its UTC offset. */
  instant: z.core.$ZodType<string>;
  supplementItem: z.core.$ZodType<{ document: string; reason: string }>;
  submittedDocument: z.core.$ZodType<Dossier['documents'][number], unknown>;
  /** A step's index within the longest procedure the catalog allows. */
  stepIndex: z.core.$ZodType<number, number>;
}

/** A relation to the dossier that lets someone act. */
export type Permit =
  /**
   * Staff of the current step's agency holding one of `roles` (`step` = the step's own role;
   * `clerk`, the agency's clerk, who stamps and dispatches results).
   */
  | { relation: 'step'; roles: ReadonlyArray<StepRole | 'step' | 'clerk'>; when?: PermitCondition }
  /** Staff of the receiving counter holding one of `roles` (any role when absent). */
  | { relation: 'counter'; roles?: readonly StepRole[] }
  /** The citizen who submitted the dossier online, or whoever gave its receipt secret. */
  | { relation: 'applicant' };

/** An extra condition on a permit, with the words the docs use for it. */
export interface PermitCondition {
  en: string;
  holds: (ctx: ActionContext, body: Record<string, unknown>) => boolean;
}

export interface ActionContext {
  dossier: Dossier;
  actor: Actor;
  now: Date;
  /** `now` as the Vietnamese-time ISO string every record carries. */
  at: string;
  calendar: WorkingCalendar;
  /** The tenant's agencies, to check a re-routed hand-off goes somewhere real. */
  agencyExists: (code: string) => boolean;
  /** The dossier's procedure as the catalog has it now, for actions that plan (accept). */
  procedure?: Procedure;
}

/** What an action does: the dossier after it, and its history line's particulars. */
export interface Effect {
  dossier: Dossier;
  /** The agency the history line is written for. */
  agency: string;
  note?: string;
  /** A hand-off line of the control sheet (form 06). */
  handoff?: Handoff;
}

export interface Labels {
  vi: string;
  en: string;
}

/** The route that takes an action: `actions` by its name, or `reception-decision` by `outcome`. */
export type RequestSpec = { route: 'actions' } | { route: 'reception-decision'; outcome: string };

export interface ActionSpec<
  H extends string = string,
  S extends z.core.$ZodShape = z.core.$ZodShape,
  R extends RequestSpec = RequestSpec,
> {
  request: R;
  from: readonly DossierStatus[];
  /** Anyone holding one of these may act (checked after the status, unless `accessFirst`). */
  who: readonly Permit[];
  /** The 403 when no permit holds. */
  denied?: { rule: string; message: string };
  /**
   * Check who before the status: the reception decision tells an agency that is not the
   * receiving counter nothing about where the dossier stands.
   */
  accessFirst?: boolean;
  /** The 409 when the status does not allow it, if not the generic `action-not-allowed`. */
  wrongStatus?: { rule: string; field: string; message: (status: DossierStatus) => string };
  /** The request body besides `action` / `outcome` and `expectedVersion`. */
  body: (f: BodyFields) => S;
  /** The guard (throws DomainRuleError) and the effect on the dossier and its clocks. */
  apply: (ctx: ActionContext, body: z.output<z.ZodMiniObject<S>>) => Effect;
  /** The guard and effect in words, for docs/lifecycle.md. */
  rule: string;
  /** Which clocks it touches, in words, for docs/lifecycle.md; absent: none. */
  clocks?: string;
  /** The history line (control sheet, form 06) it writes. */
  history: H;
  /** The outbox event announcing it (./events.ts). */
  outbox: `dossier.${string}`;
  /** The history line's and the action's label. */
  label: Labels;
  /** The legal form it produces, if any. */
  form?: string;
}

/** Keeps each entry's literal history type and body shape, so request types follow the table. */
export const defineAction = <const H extends string, S extends z.core.$ZodShape, const R extends RequestSpec>(
  spec: ActionSpec<H, S, R>,
) => spec;

/** Any table of actions: the real one (./table.ts) or a test's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own body type
export type ActionTable = Record<string, ActionSpec<string, any, RequestSpec>>;

/**
 * Effective-dated procedure versions. A change of fee or of competence ("phân cấp, ủy quyền") takes
 * effect on a date; a dossier is handled under the version in force when it was submitted (for a
 * counter dossier, its reception) and keeps it whatever changes later. Pure: instants come in.
 */

export interface Version<P> {
  /** UTC ISO instant from which this version applies. */
  effectiveFrom: string;
  definition: P;
}

/** The start of time for a procedure written before versions existed: it has always applied. */
export const ALWAYS = '1970-01-01T00:00:00.000Z';

/**
 * At most this many versions are kept on a procedure (the item stays far below DynamoDB's 400 KB).
 * The oldest go first; a dossier still waiting for its reception decision under a dropped version
 * is planned with the oldest kept one (`versionAt`).
 */
export const MAX_VERSIONS = 20;

/** The version in force at `at`: the last one effective at or before it (or the first, if none yet). */
export function versionAt<P>(versions: readonly Version<P>[], at: Date): Version<P> | undefined {
  const t = at.getTime();
  let found: Version<P> | undefined;
  for (const v of versions) if (Date.parse(v.effectiveFrom) <= t) found = v;
  return found ?? versions[0];
}

/** The next version after `at`, if a change is already scheduled. */
export function upcomingAfter<P>(versions: readonly Version<P>[], at: Date): Version<P> | undefined {
  return versions.find((v) => Date.parse(v.effectiveFrom) > at.getTime());
}

/** `versions` with `added` in its place (replacing one with the same instant), oldest first, capped. */
export function withVersion<P>(versions: readonly Version<P>[], added: Version<P>): Version<P>[] {
  const rest = versions.filter((v) => v.effectiveFrom !== added.effectiveFrom);
  const all = [...rest, added].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom));
  return all.slice(Math.max(0, all.length - MAX_VERSIONS));
}

/** 00:00 of a yyyy-mm-dd day in Asia/Ho_Chi_Minh (UTC+7 all year: Vietnam keeps no summer time). */
export function startOfVnDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/**
 * When a change dated `date` starts to apply, given `now`: the day's start, or now when that is
 * already past (a change dated today does not reach back to this morning's dossiers). Undefined
 * for a day before today: a catalog change is never retroactive.
 */
export function effectiveInstant(date: string | undefined, now: Date): Date | undefined {
  if (date === undefined) return now;
  const start = startOfVnDay(date);
  if (start.getTime() > now.getTime()) return start;
  const tomorrow = startOfVnDay(date).getTime() + 86_400_000;
  return tomorrow > now.getTime() ? now : undefined;
}

/**
 * A value's canonical form: JSON with object keys sorted and `undefined` members dropped, so two
 * procedures that say the same thing compare equal whatever order their fields were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

/**
 * Which records a query asks for: a period of Vietnamese days (at most MAX_AUDIT_DAYS), and
 * optionally one actor, one dossier and one action. Pure; the repository reads the day partitions
 * newest first and keeps the records `matches` accepts.
 */
import type { AuditAction, AuditRecord } from './record';

/** About a quarter: one query reads at most this many day partitions. */
export const MAX_AUDIT_DAYS = 92;

export interface AuditFilter {
  /** Vietnamese dates `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  /** Username (or an agency system's client id). */
  actor?: string;
  dossier?: string;
  action?: AuditAction;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Days from `from` to `to` inclusive; undefined when reversed or longer than MAX_AUDIT_DAYS. */
export function daySpan(from: string, to: string): number | undefined {
  const n = dayNumber(to) - dayNumber(from) + 1;
  return Number.isInteger(n) && n >= 1 && n <= MAX_AUDIT_DAYS ? n : undefined;
}

/** The days of the period, newest first (the order a page is read in). */
export function daysNewestFirst(from: string, to: string): string[] {
  const n = daySpan(from, to);
  if (n === undefined) return [];
  const last = dayNumber(to);
  return Array.from({ length: n }, (_, i) => new Date((last - i) * DAY_MS).toISOString().slice(0, 10));
}

export function matches(record: AuditRecord, filter: Omit<AuditFilter, 'from' | 'to'>): boolean {
  return (
    (filter.actor === undefined || record.actor.username === filter.actor) &&
    (filter.dossier === undefined || record.dossier === filter.dossier) &&
    (filter.action === undefined || record.action === filter.action)
  );
}

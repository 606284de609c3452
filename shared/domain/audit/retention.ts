/**
 * How long audit records are kept before the operator may purge them. The law names no one period
 * for such a log (Decree 13/2023 asks that processing be recorded, Decree 53/2022 keeps system logs
 * at least 12 months); two years covers both with margin and a province may keep longer (the purge
 * is the operator's to run, never automatic: no TTL on these items). docs/audit.md.
 */
import { DomainRuleError } from '../errors';
import { auditDay } from './record';

export const AUDIT_RETENTION_DAYS = 730;
const DAY_MS = 86_400_000;

/** The latest `before` day a purge may name now: records of the retention period stay. */
export const latestPurgeBefore = (now: Date): string =>
  auditDay(new Date(now.getTime() - AUDIT_RETENTION_DAYS * DAY_MS));

export function requirePurgeBefore(before: string, now: Date): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(before) || before > latestPurgeBefore(now))
    throw new DomainRuleError(
      422,
      'audit-retention',
      'before',
      `Chỉ xoá bản ghi nhật ký cũ hơn ${AUDIT_RETENTION_DAYS} ngày (trước ${latestPurgeBefore(now)}) / only records older than the retention (before ${latestPurgeBefore(now)})`,
    );
}

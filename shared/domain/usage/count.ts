/**
 * How events and stored bytes become usage increments, and how a month's attachment storage in
 * GB-months follows from the counters.
 *
 * Storage is integrated exactly, without a daily snapshot: when an attachment is stored at instant
 * t of month M, M's counters get its bytes (`attachmentBytesAdded`) and its bytes × the seconds left
 * in M (`attachmentByteSeconds`). A month's byte-seconds are then the bytes stored before it (the
 * sum of every earlier month's `attachmentBytesAdded`) × the month's length, plus its own
 * `attachmentByteSeconds`; divided by the month's length and 2^30, GB-months as S3 bills them. For
 * the current month this is what the month will come to if nothing more is stored. A delete would
 * ADD the negative of both (attachments are not deleted before a tenant's deletion, which ends its
 * metering).
 */
import { vnParts } from '../vn-time';
import type { Channel } from '../dossier/model';
import { NOT_USAGE_EVENT_TYPES, SUBMITTED_EVENT, USAGE_COUNTERS, type UsageIncrements } from './figures';

const VN_OFFSET_MS = 7 * 3600 * 1000;
const GB = 1024 ** 3;

/** `2026-12`: the month of an instant in Vietnam's time (UTC+7). */
export function usageMonth(at: Date): string {
  const { year, month } = vnParts(at);
  return `${year}-${String(month).padStart(2, '0')}`;
}

export const USAGE_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The instants a month (in Vietnam's time) starts and ends, ms since the epoch. */
export function monthBounds(month: string): { start: number; end: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    start: Date.UTC(y, m - 1, 1) - VN_OFFSET_MS,
    end: Date.UTC(y, m, 1) - VN_OFFSET_MS,
  };
}

const CHANNEL_COUNTER = {
  counter: 'receivedCounter',
  online: 'receivedOnline',
  postal: 'receivedPostal',
} as const;

/**
 * What one bus event adds: a submission counts the dossier by its channel; any other history line
 * is one action; the clock's events count nothing.
 */
export function eventUsage(type: string, channel?: Channel): UsageIncrements {
  if (NOT_USAGE_EVENT_TYPES.includes(type)) return {};
  if (type === SUBMITTED_EVENT) {
    if (!channel) throw new Error('a submission is counted by its channel');
    return { [CHANNEL_COUNTER[channel]]: 1 };
  }
  return { actions: 1 };
}

/** What storing `bytes` at `at` adds to the month of `at`. */
export function storedUsage(bytes: number, at: Date): { month: string; increments: UsageIncrements } {
  const month = usageMonth(at);
  const { end } = monthBounds(month);
  const secondsLeft = Math.max(0, Math.floor((end - at.getTime()) / 1000));
  return { month, increments: { attachmentBytesAdded: bytes, attachmentByteSeconds: bytes * secondsLeft } };
}

export type MonthCounters = { month: string } & UsageIncrements;

/** The view of one month: its counters (0 when absent), the totals, and storage in GB-months. */
export interface MonthUsage {
  month: string;
  dossiersReceived: { total: number; counter: number; online: number; postal: number };
  actions: number;
  attachments: { bytesStoredAtMonthEnd: number; gbMonths: number };
  webhookDeliveries: { succeeded: number; failed: number };
  notificationsSent: number;
  /** Requests through the API that counted for the tenant (./api-calls.ts, docs/usage.md). */
  apiCalls: number;
  /** The same calls by caller, and those answered with an error. */
  apiCallsDetail: {
    public: number;
    staff: number;
    agencySystem: number;
    clientErrors: number;
    serverErrors: number;
  };
}

/** `months`: the tenant's counter items up to and including `month`, in any order. */
export function monthUsage(month: string, months: readonly MonthCounters[]): MonthUsage {
  const zero = Object.fromEntries(USAGE_COUNTERS.map((c) => [c, 0])) as Required<UsageIncrements>;
  const own = { ...zero, ...months.find((m) => m.month === month) };
  const before = months
    .filter((m) => m.month < month)
    .reduce((sum, m) => sum + (m.attachmentBytesAdded ?? 0), 0);
  const { start, end } = monthBounds(month);
  const seconds = (end - start) / 1000;
  const byteSeconds = before * seconds + own.attachmentByteSeconds;
  return {
    month,
    dossiersReceived: {
      total: own.receivedCounter + own.receivedOnline + own.receivedPostal,
      counter: own.receivedCounter,
      online: own.receivedOnline,
      postal: own.receivedPostal,
    },
    actions: own.actions,
    attachments: {
      bytesStoredAtMonthEnd: before + own.attachmentBytesAdded,
      gbMonths: byteSeconds / seconds / GB,
    },
    webhookDeliveries: { succeeded: own.webhookDeliveries, failed: own.webhookDeliveriesFailed },
    notificationsSent: own.notificationsSent,
    apiCalls: own.apiCalls,
    apiCallsDetail: {
      public: own.apiCallsPublic,
      staff: own.apiCallsStaff,
      agencySystem: own.apiCallsAgencySystem,
      clientErrors: own.apiCallsClientErrors,
      serverErrors: own.apiCallsServerErrors,
    },
  };
}

/** A webhook delivery's final outcome: delivered, or given up (dead after retries, 410 gone). */
export function deliveryUsage(status: string): UsageIncrements {
  if (status === 'delivered') return { webhookDeliveries: 1 };
  if (status === 'dead' || status === 'gone') return { webhookDeliveriesFailed: 1 };
  return {};
}

/** One message handed to the provider (e-mail or SMS): a re-send after a lost lease is one more. */
export const NOTIFICATION_SENT: UsageIncrements = { notificationsSent: 1 };

/** The tenant list's line of usage: this month's main figures. */
export interface MonthSummary {
  month: string;
  dossiersReceived: number;
  actions: number;
  apiCalls: number;
  attachmentsGbMonths: number;
}

/**
 * The summary of `month` from its own counters and the bytes ever stored (all months, this one
 * included): for the current month, what was stored before it is the total less this month's.
 */
export function monthSummary(
  month: string,
  own: MonthCounters | undefined,
  storedBytes: number,
): MonthSummary {
  const addedThisMonth = own?.attachmentBytesAdded ?? 0;
  const before: MonthCounters = {
    month: '0000-01',
    attachmentBytesAdded: Math.max(0, storedBytes - addedThisMonth),
  };
  const view = monthUsage(month, own ? [before, { ...own, month }] : [before]);
  return {
    month,
    dossiersReceived: view.dossiersReceived.total,
    actions: view.actions,
    apiCalls: view.apiCalls,
    attachmentsGbMonths: view.attachments.gbMonths,
  };
}

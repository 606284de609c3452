/**
 * What counts as usage (shared/domain/usage): an event's increments, the month in Vietnam's time,
 * and storage integrated to GB-months from bytes and byte-seconds.
 */
import { OUTBOX_SUBSCRIPTIONS, queuesFor } from '../../../shared/api/queues';
import { ALARM_TYPES, DEADLINES_CHANGED } from '../../../shared/domain/lifecycle/event-types';
import { EVENT_CATALOG } from '../../../shared/domain/lifecycle/events';
import {
  NOTIFICATION_SENT,
  deliveryUsage,
  eventUsage,
  monthBounds,
  monthSummary,
  monthUsage,
  storedUsage,
  usageMonth,
  type MonthCounters,
} from '../../../shared/domain/usage';

const GB = 1024 ** 3;

describe('usage counting', () => {
  it('counts a submission once by its channel, any other history line as one action, the clock never', () => {
    expect(eventUsage('dossier.submitted', 'counter')).toEqual({ receivedCounter: 1 });
    expect(eventUsage('dossier.submitted', 'online')).toEqual({ receivedOnline: 1 });
    expect(eventUsage('dossier.submitted', 'postal')).toEqual({ receivedPostal: 1 });
    expect(eventUsage('dossier.forwarded')).toEqual({ actions: 1 });
    expect(eventUsage('dossier.returned')).toEqual({ actions: 1 });
    for (const type of [DEADLINES_CHANGED, ...ALARM_TYPES]) expect(eventUsage(type)).toEqual({});
    expect(() => eventUsage('dossier.submitted')).toThrow(/channel/);
  });

  it('subscribes the usage queue to exactly the history lines of the catalog', () => {
    const history = Object.keys(EVENT_CATALOG).filter(
      (t) => t !== DEADLINES_CHANGED && !(ALARM_TYPES as readonly string[]).includes(t),
    );
    for (const type of Object.keys(EVENT_CATALOG))
      expect(queuesFor(type).includes('usage')).toBe(history.includes(type));
    expect(queuesFor('webhook.redeliver')).not.toContain('usage');
    expect(OUTBOX_SUBSCRIPTIONS.usage).toBeDefined();
  });

  it('puts an instant in its month in Vietnam’s time (UTC+7)', () => {
    expect(usageMonth(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11');
    expect(usageMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(monthBounds('2026-12')).toEqual({
      start: Date.parse('2026-11-30T17:00:00Z'),
      end: Date.parse('2026-12-31T17:00:00Z'),
    });
  });

  it('integrates storage: a GB stored half-way through a month is half a GB-month, a whole one the next', () => {
    // December 2026 has 31 days; half-way is 16 Dec 05:00 Vietnam time + 12 h.
    const { start, end } = monthBounds('2026-12');
    const half = new Date((start + end) / 2);
    const stored = storedUsage(GB, half);
    expect(stored.month).toBe('2026-12');
    expect(stored.increments.attachmentBytesAdded).toBe(GB);
    const months: MonthCounters[] = [{ month: '2026-12', ...stored.increments }];
    expect(monthUsage('2026-12', months).attachments.gbMonths).toBeCloseTo(0.5, 6);
    // January: the GB is there all month, though nothing was added in January.
    const jan = monthUsage('2027-01', months);
    expect(jan.attachments).toEqual({ bytesStoredAtMonthEnd: GB, gbMonths: 1 });
    // A month before anything was stored: nothing.
    expect(monthUsage('2026-11', months).attachments.gbMonths).toBe(0);
  });

  it('counts a webhook delivery by its final outcome and each notification sent', () => {
    expect(deliveryUsage('delivered')).toEqual({ webhookDeliveries: 1 });
    expect(deliveryUsage('dead')).toEqual({ webhookDeliveriesFailed: 1 });
    expect(deliveryUsage('gone')).toEqual({ webhookDeliveriesFailed: 1 });
    // A failed attempt that will be retried is not an outcome yet.
    expect(deliveryUsage('failed')).toEqual({});
    expect(NOTIFICATION_SENT).toEqual({ notificationsSent: 1 });
    const view = monthUsage('2026-12', [
      { month: '2026-12', webhookDeliveries: 4, webhookDeliveriesFailed: 1, notificationsSent: 2 },
    ]);
    expect(view).toMatchObject({ webhookDeliveries: { succeeded: 4, failed: 1 }, notificationsSent: 2 });
    // No API call counted: 0 (the access log counts every month since it was turned on).
    expect(view.apiCalls).toBe(0);
  });

  it('reads a month’s counters with zeros for the absent ones and the received total', () => {
    const view = monthUsage('2026-12', [
      {
        month: '2026-12',
        receivedCounter: 3,
        receivedOnline: 2,
        actions: 7,
        apiCalls: 40,
        apiCallsStaff: 30,
        apiCallsPublic: 10,
        apiCallsClientErrors: 2,
      },
      { month: '2026-11', receivedCounter: 100 },
    ]);
    expect(view).toEqual({
      month: '2026-12',
      dossiersReceived: { total: 5, counter: 3, online: 2, postal: 0 },
      actions: 7,
      attachments: { bytesStoredAtMonthEnd: 0, gbMonths: 0 },
      webhookDeliveries: { succeeded: 0, failed: 0 },
      notificationsSent: 0,
      apiCalls: 40,
      apiCallsDetail: { public: 10, staff: 30, agencySystem: 0, clientErrors: 2, serverErrors: 0 },
    });
  });
});

describe('the tenant list’s summary of a month', () => {
  it('takes the bytes stored before the month from the all-time total, as the full view does', () => {
    const months: MonthCounters[] = [
      { month: '2026-10', attachmentBytesAdded: GB },
      { month: '2026-11', attachmentBytesAdded: GB, receivedCounter: 9 },
    ];
    const stored = storedUsage(GB, new Date('2026-12-16T17:00:00Z'));
    const december: MonthCounters = {
      month: '2026-12',
      receivedCounter: 2,
      receivedOnline: 1,
      actions: 5,
      apiCalls: 70,
      ...stored.increments,
    };
    const full = monthUsage('2026-12', [...months, december]);
    const summary = monthSummary('2026-12', december, 3 * GB);
    expect(summary).toEqual({
      month: '2026-12',
      dossiersReceived: 3,
      actions: 5,
      apiCalls: 70,
      attachmentsGbMonths: full.attachments.gbMonths,
    });
    // Two GB all month and one from the 17th (Vietnam) on: a little over 2.5 GB-months.
    expect(summary.attachmentsGbMonths).toBeCloseTo(2 + 15 / 31, 5);
    // A tenant without an item this month: what it stored before, all month.
    expect(monthSummary('2026-12', undefined, 2 * GB)).toEqual({
      month: '2026-12',
      dossiersReceived: 0,
      actions: 0,
      apiCalls: 0,
      attachmentsGbMonths: 2,
    });
  });
});

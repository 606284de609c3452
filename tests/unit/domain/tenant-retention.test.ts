/**
 * The pure rules of deleting a province (shared/domain/tenants/retention.ts, tenant.ts) and of its
 * health figures (health.ts): delete only after suspend, the purge date, the undo window, and the
 * stocks read off year counters.
 */
import { DomainRuleError } from '../../../shared/domain/errors';
import { stocksOf } from '../../../shared/domain/tenants/health';
import {
  DEFAULT_GRACE_DAYS,
  deletionOf,
  MAX_GRACE_DAYS,
  MIN_GRACE_DAYS,
  purgeAfterOf,
  requirePurgeable,
} from '../../../shared/domain/tenants/retention';
import { isServed, withStatus, type TenantRecord } from '../../../shared/domain/tenants/tenant';
import { toVnIso } from '../../../shared/domain/vn-time';

const base: TenantRecord = {
  id: 'h98',
  provinceCode: 'H98',
  name: 'Tỉnh Thử',
  status: 'suspended',
  plan: 'standard',
  contact: { name: 'Văn phòng', email: 'vp@h98.example.vn' },
  createdAt: '2026-12-01T09:00:00+07:00',
  createdBy: 'operator',
};
const now = new Date('2026-12-01T03:00:00.000Z');

const ruleOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleError) return [error.status, error.rule];
    throw error;
  }
  return undefined;
};

describe('deleting a tenant: the grace period', () => {
  it('puts the purge date whole days after the request (30 by default), in Vietnam time', () => {
    expect(DEFAULT_GRACE_DAYS).toBe(30);
    const d = deletionOf(base, 'vanhanh', now, DEFAULT_GRACE_DAYS, toVnIso);
    expect(d).toEqual({
      requestedAt: '2026-12-01T10:00:00+07:00',
      requestedBy: 'vanhanh',
      graceDays: 30,
      purgeAfter: '2026-12-31T10:00:00+07:00',
    });
    expect(purgeAfterOf(now, 7).toISOString()).toBe('2026-12-08T03:00:00.000Z');
  });

  it('deletes a suspended tenant only: an active one is suspended first, a deleting one is not deleted twice', () => {
    expect(ruleOf(() => deletionOf({ ...base, status: 'active' }, 'x', now, 30, toVnIso))).toEqual([
      409,
      'suspend-first',
    ]);
    expect(ruleOf(() => deletionOf({ ...base, status: 'deleting' }, 'x', now, 30, toVnIso))).toEqual([
      409,
      'tenant-deleting',
    ]);
  });

  it('keeps the grace period within its bounds', () => {
    for (const days of [MIN_GRACE_DAYS - 1, MAX_GRACE_DAYS + 1, 10.5])
      expect(ruleOf(() => deletionOf(base, 'x', now, days, toVnIso))).toEqual([422, 'grace-days']);
    expect(ruleOf(() => deletionOf(base, 'x', now, MIN_GRACE_DAYS, toVnIso))).toBeUndefined();
  });

  it('purges only a deleting tenant past its purge date; a purged one is left as it is', () => {
    const deleting: TenantRecord = {
      ...base,
      status: 'deleting',
      deletion: deletionOf(base, 'x', now, 30, toVnIso),
    };
    expect(ruleOf(() => requirePurgeable(base, now))).toEqual([409, 'not-deleting']);
    expect(ruleOf(() => requirePurgeable(deleting, new Date('2026-12-31T02:59:59.999Z')))).toEqual([
      409,
      'grace-period',
    ]);
    expect(ruleOf(() => requirePurgeable(deleting, new Date('2026-12-31T03:00:00.000Z')))).toBeUndefined();
    expect(ruleOf(() => requirePurgeable({ ...base, status: 'purged' }, now))).toBeUndefined();
  });

  it('restores a deleting tenant on resume until its purge has begun, and never a purged one', () => {
    const deleting: TenantRecord = {
      ...base,
      status: 'deleting',
      deletion: deletionOf(base, 'x', now, 30, toVnIso),
    };
    const restored = withStatus(deleting, 'active', 'vanhanh', 'later');
    expect(restored.changed).toBe(true);
    expect(restored.record.status).toBe('active');
    expect(restored.record.deletion).toBeUndefined();
    expect(withStatus(deleting, 'suspended', 'x', 'y')).toEqual({ record: deleting, changed: false });
    const purging: TenantRecord = {
      ...deleting,
      purge: { phase: 'users', users: 0, objects: 0, items: 0, startedAt: 'z' },
    };
    expect(ruleOf(() => withStatus(purging, 'active', 'x', 'y'))).toEqual([409, 'purge-started']);
    expect(ruleOf(() => withStatus({ ...base, status: 'purged' }, 'active', 'x', 'y'))).toEqual([
      409,
      'tenant-purged',
    ]);
  });

  it('serves neither a deleting nor a purged tenant', () => {
    expect(isServed('deleting')).toBe(false);
    expect(isServed('purged')).toBe(false);
  });
});

describe('tenant health from the report counters', () => {
  it('sums the year counters of every year and cell into what is pending and overdue now', () => {
    expect(
      stocksOf([
        // 2026, one cell: 5 received, 2 closed, 2 became overdue of which 1 closed later.
        { received: 5, resolvedOnTime: 1, refused: 1, becameOverdue: 2, overdueClosed: 1 },
        // 2027, another cell: a dossier carried from 2026 closed late, and a withdrawal.
        { received: 1, resolvedLate: 1, withdrawn: 1 },
      ]),
    ).toEqual({ pending: 2, overdue: 1 });
    expect(stocksOf([])).toEqual({ pending: 0, overdue: 0 });
  });
});

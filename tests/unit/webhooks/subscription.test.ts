import { createSubscription, rotateSecret, updateSubscription } from '../../../shared/api/schemas/webhooks';
import { EVENT_CATALOG } from '../../../shared/domain/lifecycle/events';
import {
  mayManage,
  SUBSCRIBABLE_EVENT_TYPES,
  wantsEvent,
} from '../../../shared/domain/webhooks/subscription';

const valid = {
  url: 'https://hooks.example.vn/motcua',
  eventTypes: ['dossier.received'],
  purpose: 'processing',
};

describe('event filter', () => {
  it('offers every catalog type except the internal dossier.deadlines_changed', () => {
    expect(SUBSCRIBABLE_EVENT_TYPES).not.toContain('dossier.deadlines_changed');
    expect(SUBSCRIBABLE_EVENT_TYPES).toHaveLength(Object.keys(EVENT_CATALOG).length - 1);
  });

  it('matches listed types, or all with ["*"], never the internal event', () => {
    expect(wantsEvent(['dossier.received'], 'dossier.received')).toBe(true);
    expect(wantsEvent(['dossier.received'], 'dossier.overdue')).toBe(false);
    expect(wantsEvent(['*'], 'dossier.overdue')).toBe(true);
    expect(wantsEvent(['*'], 'dossier.deadlines_changed')).toBe(false);
  });

  it('refuses an empty list, an unknown or internal type, and duplicates', () => {
    expect(createSubscription.safeParse(valid).success).toBe(true);
    expect(createSubscription.safeParse({ ...valid, eventTypes: ['*'] }).success).toBe(true);
    for (const eventTypes of [[], ['dossier.deadlines_changed'], ['dossier.nope'], ['*', '*']])
      expect([eventTypes, createSubscription.safeParse({ ...valid, eventTypes }).success]).toEqual([
        eventTypes,
        false,
      ]);
  });
});

describe('request schemas', () => {
  it('take no secret from the caller: the service generates it', () => {
    const parsed = createSubscription.parse({ ...valid, secret: 'whsec_chosen' });
    expect(parsed).not.toHaveProperty('secret');
  });
  it('need an expectedVersion to change or rotate', () => {
    expect(updateSubscription.safeParse({ enabled: false }).success).toBe(false);
    expect(rotateSecret.safeParse({}).success).toBe(false);
    expect(rotateSecret.parse({ expectedVersion: 2 }).graceSeconds).toBe(24 * 3600);
  });
});

describe('mayManage', () => {
  it('lets a tenant admin manage any agency’s subscription, an agency system only its own', () => {
    expect(mayManage({ roles: ['tenantAdmin'] }, '000.30.01.H99')).toBe(true);
    expect(mayManage({ roles: ['agencySystem'], agency: '000.30.01.H99' }, '000.30.01.H99')).toBe(true);
    expect(mayManage({ roles: ['agencySystem'], agency: '000.05.20.H99' }, '000.30.01.H99')).toBe(false);
    expect(mayManage({ roles: ['reception'], agency: '000.30.01.H99' }, '000.30.01.H99')).toBe(false);
  });
});

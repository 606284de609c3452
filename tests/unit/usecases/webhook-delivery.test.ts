/**
 * The deliverer's decisions (shared/usecases/webhook-delivery.ts) with the repositories stubbed and
 * name resolution stubbed (no packet leaves): the SSRF guard refuses at delivery before any
 * connection, an attempt recorded by another copy of the message is not counted twice, a message of
 * an older round is dropped, a disabled subscription skips, 410 disables, five days of failures
 * disable, a success clears the failing mark, the end of the window dead-letters. The notices to
 * the tenant's admins go with the conditional write they report: one with a dead-lettering, one
 * with a disabling, none from a copy of the message that lost the race or finds the delivery done.
 */
import type { DeliveryRecord } from '../../../shared/data/delivery-repo';
import type { SubscriptionRecord } from '../../../shared/data/subscription-repo';
import { RETRY_WINDOW_MS } from '../../../shared/domain/webhooks/retry-schedule';
import { clock } from '../../../shared/platform/clock';

jest.mock('../../../shared/data/delivery-repo', () => ({
  getDelivery: jest.fn(),
  saveDeliveryIf: jest.fn(),
  markSubscriptionFailing: jest.fn(),
  clearSubscriptionFailing: jest.fn(),
  disableSubscription: jest.fn(),
  // The stored body is sealed in the table; opened, it is what the stub record holds.
  openDeliveryBody: jest.fn(async (record: { body: string }) => record.body),
}));
jest.mock('../../../shared/data/subscription-repo', () => ({
  ...jest.requireActual('../../../shared/data/subscription-repo'),
  getSubscription: jest.fn(),
}));
jest.mock('../../../shared/usecases/tenant', () => ({
  requireTenantSettings: jest.fn(async () => ({ webhooks: { allowLoopback: false } })),
}));

const repo = jest.requireMock('../../../shared/data/delivery-repo');
const subs = jest.requireMock('../../../shared/data/subscription-repo');
import { attemptDelivery, deliveryMessageOf } from '../../../shared/usecases/webhook-delivery';

const NOW = Date.parse('2026-12-01T03:00:00Z');
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

const delivery = (extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  tenant: 'demo',
  subscriptionId: 'SUB',
  id: '20261201T030000000Z-AAAAAAAAAAAAAAAAAAAAAA',
  eventId: 'evt-1',
  eventType: 'dossier.received',
  dossierCode: 'C-1',
  body: '{"id":"evt-1"}',
  status: 'pending',
  attempts: 0,
  roundAttempts: 0,
  generation: 0,
  attemptLog: [],
  enqueuedAt: NOW,
  updatedAt: NOW,
  expiresAt: 0,
  ...extra,
});
const subscription = (extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  tenant: 'demo',
  id: 'SUB',
  agency: 'A',
  url: 'https://hooks.example.vn/in',
  eventTypes: ['*'],
  purpose: 'processing',
  enabled: true,
  version: 3,
  createdAt: '',
  updatedAt: '',
  secret: SECRET,
  ...extra,
});
const message = {
  kind: 'delivery',
  tenant: 'demo',
  subscriptionId: 'SUB',
  deliveryId: delivery().id,
  generation: 0,
} as const;
const publicLookup = async () => [{ address: '93.184.216.34', family: 4 }];

beforeEach(() => {
  jest.clearAllMocks();
  clock.setNow(new Date(NOW), { frozen: true });
  repo.saveDeliveryIf.mockResolvedValue(true);
  repo.getDelivery.mockResolvedValue(delivery());
  subs.getSubscription.mockResolvedValue(subscription());
});
afterAll(() => clock.reset());

describe('attemptDelivery', () => {
  it('refuses a name that resolves to a private address before any connection: target-refused, retried', async () => {
    const post = jest.fn();
    const step = await attemptDelivery(message, {
      lookup: async () => [{ address: '10.0.0.5', family: 4 }],
      post,
      random: () => 0.5,
    });
    expect(post).not.toHaveBeenCalled();
    expect(step).toEqual({ kind: 'retry', delaySeconds: 5 });
    const [next, read] = repo.saveDeliveryIf.mock.calls[0];
    expect(read).toMatchObject({ attempts: 0, generation: 0 });
    expect(next).toMatchObject({ status: 'failed', attempts: 1, roundAttempts: 1 });
    expect(next.attemptLog).toEqual([{ at: NOW, latencyMs: 0, error: 'target-refused:private-address' }]);
    expect(repo.markSubscriptionFailing).toHaveBeenCalledWith('demo', 'SUB', NOW);
  });

  it('signs the stored body with every valid secret and records a delivery; clears the failing mark', async () => {
    subs.getSubscription.mockResolvedValue(
      subscription({
        previousSecret: `whsec_${Buffer.alloc(32, 9).toString('base64')}`,
        previousSecretExpiresAt: NOW + 1000,
        failingSince: NOW - 10,
      }),
    );
    const post = jest.fn(async () => ({ status: 204, latencyMs: 12 }));
    const step = await attemptDelivery(message, { lookup: publicLookup, post });
    expect(step).toEqual({ kind: 'done', reason: 'attempted', status: 'delivered' });
    const sent = (
      post.mock.calls[0] as unknown as [
        { body: string; signatureHeaders: Record<string, string>; target: { address: string } },
      ]
    )[0];
    expect(sent.body).toBe(delivery().body);
    expect(sent.target.address).toBe('93.184.216.34');
    expect(sent.signatureHeaders['webhook-id']).toBe('evt-1');
    expect(sent.signatureHeaders['webhook-signature'].split(' ')).toHaveLength(2);
    expect(repo.clearSubscriptionFailing).toHaveBeenCalledWith('demo', 'SUB');
  });

  it('does not count an attempt twice: a lost conditional write ends this copy of the message', async () => {
    repo.saveDeliveryIf.mockResolvedValue(false);
    const step = await attemptDelivery(message, {
      lookup: publicLookup,
      post: async () => ({ status: 500, latencyMs: 3 }),
    });
    expect(step).toEqual({ kind: 'done', reason: 'attempt-recorded-by-another' });
    expect(repo.markSubscriptionFailing).not.toHaveBeenCalled();
    expect(repo.disableSubscription).not.toHaveBeenCalled();
  });

  it('a redelivered message of a delivery already dead or a subscription already disabled writes no second notice', async () => {
    const post = jest.fn();
    repo.getDelivery.mockResolvedValue(delivery({ status: 'dead', attempts: 14 }));
    expect(await attemptDelivery(message, { post })).toMatchObject({ reason: 'finished', status: 'dead' });
    repo.getDelivery.mockResolvedValue(delivery());
    subs.getSubscription.mockResolvedValue(subscription({ enabled: false, disabledReason: 'gone' }));
    expect(await attemptDelivery(message, { post })).toMatchObject({ status: 'skipped' });
    expect(post).not.toHaveBeenCalled();
    expect(repo.disableSubscription).not.toHaveBeenCalled();
    // The skip is written without a notice.
    expect(repo.saveDeliveryIf.mock.calls).toHaveLength(1);
    expect(repo.saveDeliveryIf.mock.calls[0][2]).toBeUndefined();
  });

  it('drops a message of an older round and a finished delivery without posting', async () => {
    const post = jest.fn();
    repo.getDelivery.mockResolvedValue(delivery({ generation: 1 }));
    expect(await attemptDelivery(message, { post })).toEqual({ kind: 'done', reason: 'older-round' });
    repo.getDelivery.mockResolvedValue(delivery({ status: 'delivered' }));
    expect(await attemptDelivery(message, { post })).toMatchObject({ kind: 'done', reason: 'finished' });
    expect(post).not.toHaveBeenCalled();
  });

  it('skips a delivery whose subscription is disabled or deleted', async () => {
    subs.getSubscription.mockResolvedValue(subscription({ enabled: false }));
    expect(await attemptDelivery(message)).toMatchObject({ kind: 'done', status: 'skipped' });
    subs.getSubscription.mockResolvedValue(undefined);
    expect(await attemptDelivery(message)).toMatchObject({
      reason: 'subscription-deleted',
      status: 'skipped',
    });
    expect(repo.saveDeliveryIf.mock.calls[1][0]).toMatchObject({ status: 'skipped' });
  });

  it('410 gone disables the subscription; five days of failures disable it as failing', async () => {
    await attemptDelivery(message, {
      lookup: publicLookup,
      post: async () => ({ status: 410, latencyMs: 1 }),
    });
    expect(repo.disableSubscription).toHaveBeenCalledWith('demo', 'SUB', 3, 'gone', {
      kind: 'subscription-disabled',
      id: 'disabled-SUB-v4',
      at: NOW,
      subscriptionId: 'SUB',
      agency: 'A',
      reason: 'gone',
      since: NOW,
    });
    // The attempt itself is no dead-lettering: no notice with it.
    expect(repo.saveDeliveryIf.mock.calls[0][2]).toBeUndefined();
    subs.getSubscription.mockResolvedValue(subscription({ failingSince: NOW - 5 * 86_400_000 }));
    await attemptDelivery(message, {
      lookup: publicLookup,
      post: async () => ({ error: 'ECONNREFUSED', latencyMs: 1 }),
    });
    expect(repo.disableSubscription).toHaveBeenLastCalledWith(
      'demo',
      'SUB',
      3,
      'failing',
      expect.objectContaining({ id: 'disabled-SUB-v4', reason: 'failing', since: NOW - 5 * 86_400_000 }),
    );
    expect(repo.disableSubscription).toHaveBeenCalledTimes(2);
  });

  it('gives up after the three-day window: dead, and tells onDead', async () => {
    repo.getDelivery.mockResolvedValue(
      delivery({ status: 'failed', attempts: 13, roundAttempts: 13, firstAttemptAt: NOW - RETRY_WINDOW_MS }),
    );
    const onDead = jest.fn();
    const step = await attemptDelivery(message, {
      lookup: publicLookup,
      post: async () => ({ status: 503, latencyMs: 1 }),
      onDead,
    });
    expect(step).toMatchObject({ kind: 'done', status: 'dead' });
    expect(onDead).toHaveBeenCalledWith(expect.objectContaining({ status: 'dead', attempts: 14 }));
    expect(repo.saveDeliveryIf).toHaveBeenCalledTimes(1);
    expect(repo.saveDeliveryIf.mock.calls[0][2]).toEqual({
      kind: 'delivery-dead',
      id: `dead-SUB-${delivery().id}-g0`,
      at: NOW,
      subscriptionId: 'SUB',
      agency: 'A',
      deliveryId: delivery().id,
      eventType: 'dossier.received',
      dossierCode: 'C-1',
      attempts: 14,
      lastError: 'http-503',
    });
  });
});

describe('deliveryMessageOf', () => {
  it('reads a fan-out message and a redelivery request from the outbox; refuses anything else', () => {
    expect(deliveryMessageOf(JSON.stringify(message))).toEqual(message);
    expect(
      deliveryMessageOf(
        JSON.stringify({ id: 'x', type: 'webhook.redeliver', tenant: 'demo', code: 'C', payload: message }),
      ),
    ).toEqual(message);
    expect(deliveryMessageOf('{"type":"dossier.received"}')).toBeUndefined();
    expect(deliveryMessageOf('not json')).toBeUndefined();
  });
});

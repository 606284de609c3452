/**
 * The fan-out's decisions (shared/usecases/webhook-fanout.ts) with the repositories stubbed: an
 * enabled subscription gets a pending record and a delivery message; a disabled one gets a
 * `skipped` record (for redeliver-since after it is enabled again) and no message; a record
 * already there makes no second message.
 */
import type { BusMessage } from '../../../shared/api/queues';
import type { SubscriptionRecord } from '../../../shared/data/subscription-repo';
import * as deliveryRepo from '../../../shared/data/delivery-repo';
import { exampleOutboxItem } from '../../../shared/domain/webhooks/examples';
import { fanOutEvent } from '../../../shared/usecases/webhook-fanout';

jest.mock('../../../shared/data/delivery-repo', () => ({
  ...jest.requireActual('../../../shared/data/delivery-repo'),
  putNewDelivery: jest.fn(async () => true),
  getDelivery: jest.fn(async () => undefined),
}));
jest.mock('../../../shared/data/dossier-read', () => ({ getDossier: jest.fn(async () => undefined) }));

const repo = deliveryRepo as unknown as { putNewDelivery: jest.Mock; getDelivery: jest.Mock };

const item = exampleOutboxItem('dossier.received');
const message: BusMessage = {
  id: item.id,
  type: item.type,
  occurredAt: item.occurredAt,
  tenant: String(item.payload.tenant),
  code: String(item.payload.code),
  payload: item.payload,
};
const subscription = (id: string, enabled: boolean): SubscriptionRecord => ({
  tenant: message.tenant,
  id,
  agency: '000.00.01.H99',
  url: 'https://example.gov.vn/hook',
  eventTypes: ['*'],
  purpose: 'statistics',
  enabled,
  version: 1,
  createdAt: '2026-12-01T08:00:00+07:00',
  updatedAt: '2026-12-01T08:00:00+07:00',
  secret: 'whsec_x',
});

beforeEach(() => jest.clearAllMocks());

describe('fanOutEvent', () => {
  it('queues an enabled subscription’s delivery and records a disabled one’s as skipped, unsent', async () => {
    const out = await fanOutEvent(message, async () => [
      subscription('on', true),
      subscription('off', false),
    ]);
    expect(out.map((m) => m.subscriptionId)).toEqual(['on']);
    const written = repo.putNewDelivery.mock.calls.map(([r]) => [r.subscriptionId, r.status]);
    expect(written).toEqual([
      ['on', 'pending'],
      ['off', 'skipped'],
    ]);
  });

  it('sends nothing again for a record that is already there and was attempted', async () => {
    repo.putNewDelivery.mockResolvedValueOnce(false);
    repo.getDelivery.mockResolvedValueOnce({ status: 'failed', attempts: 1, generation: 0 });
    expect(await fanOutEvent(message, async () => [subscription('on', true)])).toEqual([]);
  });
});

/**
 * Webhook subscriptions through HTTP against the offline cloud: the lifecycle (create with the
 * secret shown once, list, get without it, update, disable, rotate, delete), who may manage which,
 * and the SSRF guard as far as the offline cloud can show it (it relaxes loopback only, and only
 * for a tenant whose settings allow it).
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Webhook } from 'standardwebhooks';
import { signatureHeaders } from '../../shared/domain/webhooks/signature';
import { api } from './helpers/api';
import { sharedCloud } from './helpers/offline';
import { agencySystemToken, otherTenantAdminToken } from './helpers/tokens';

const PROBLEM = /^application\/problem\+json/;
const BASE = '/v1/webhooks/subscriptions';
const COMMUNE = '000.30.01.H99';
const JUSTICE = '000.05.20.H99';
/** Nothing listens there: creating a subscription sends nothing. */
const LOOPBACK_URL = 'http://127.0.0.1:9/motcua-hooks';

const newSubscription = (extra: Record<string, unknown> = {}) => ({
  url: LOOPBACK_URL,
  eventTypes: ['dossier.received', 'dossier.overdue'],
  purpose: 'processing',
  description: 'Hệ thống một cửa của xã',
  agency: COMMUNE,
  ...extra,
});

/** The stored item, read from DynamoDB Local itself: what the service will sign with. */
async function storedItem(id: string) {
  const cloud = sharedCloud();
  const client = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: cloud.tableName,
        Key: { PK: { S: `TENANT#${cloud.tenant}#WEBHOOKS` }, SK: { S: `SUB#${id}` } },
        ConsistentRead: true,
      }),
    );
    return Item;
  } finally {
    client.destroy();
  }
}

describe('webhook subscriptions (integration)', () => {
  describe('lifecycle, by the demo tenant admin', () => {
    let id: string;
    let firstSecret: string;

    it('creates one: 201, the secret once, the same answer for a retry with the same Idempotency-Key', async () => {
      const key = `webhook-${randomUUID()}`;
      const created = await api.post(BASE, { as: 'quantri', body: newSubscription(), idempotencyKey: key });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        agency: COMMUNE,
        url: LOOPBACK_URL,
        eventTypes: ['dossier.received', 'dossier.overdue'],
        purpose: 'processing',
        enabled: true,
        version: 1,
      });
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(created.headers.location).toBe(`${BASE}/${created.body.id}`);
      id = created.body.id;
      firstSecret = created.body.secret;

      const retried = await api.post(BASE, { as: 'quantri', body: newSubscription(), idempotencyKey: key });
      expect(retried).toMatchObject({ status: 201, body: { id, secret: firstSecret } });
    });

    it('never shows the secret again: get and list', async () => {
      const one = await api.get(`${BASE}/${id}`, { as: 'quantri' });
      expect(one).toMatchObject({ status: 200, body: { id, version: 1, enabled: true } });
      expect(one.body).not.toHaveProperty('secret');
      expect(JSON.stringify(one.body)).not.toContain(firstSecret);

      const list = await api.get(`${BASE}?limit=200`, { as: 'quantri' });
      expect(list.status).toBe(200);
      expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
      expect(JSON.stringify(list.body)).not.toMatch(/whsec_/);
    });

    it('pages the list with an opaque cursor', async () => {
      await api.post(BASE, { as: 'quantri', body: newSubscription({ description: 'thứ hai' }) });
      const first = await api.get(`${BASE}?limit=1`, { as: 'quantri' });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api.get(`${BASE}?limit=1&cursor=${first.body.nextCursor}`, { as: 'quantri' });
      expect(second.status).toBe(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      const foreign = await api.get(
        `/v1/dossiers/000.30.01.H99-261201-0001/attachments?cursor=${first.body.nextCursor}`,
        {
          as: 'tiepnhan.binhthanh',
        },
      );
      expect(foreign.status).toBe(400);
    });

    it('updates under optimistic locking, and a stale version is 409 with the current one', async () => {
      const updated = await api.patch(`${BASE}/${id}`, {
        as: 'quantri',
        body: { expectedVersion: 1, eventTypes: ['*'], description: 'Mọi sự kiện' },
      });
      expect(updated).toMatchObject({
        status: 200,
        body: { id, version: 2, eventTypes: ['*'], description: 'Mọi sự kiện', url: LOOPBACK_URL },
      });
      const stale = await api.patch(`${BASE}/${id}`, {
        as: 'quantri',
        body: { expectedVersion: 1, enabled: false },
      });
      expect(stale.status).toBe(409);
      expect(stale.headers['content-type']).toMatch(PROBLEM);
      expect(stale.body.currentVersion).toBe(2);
    });

    it('disables it', async () => {
      const disabled = await api.patch(`${BASE}/${id}`, {
        as: 'quantri',
        body: { expectedVersion: 2, enabled: false },
      });
      expect(disabled).toMatchObject({ status: 200, body: { enabled: false, version: 3 } });
      expect((await api.get(`${BASE}/${id}`, { as: 'quantri' })).body.enabled).toBe(false);
    });

    it('rotates the secret: the new one once, both sign during the grace period', async () => {
      const before = Date.now();
      const rotated = await api.post(`${BASE}/${id}/rotate-secret`, {
        as: 'quantri',
        body: { expectedVersion: 3, graceSeconds: 3600 },
      });
      expect(rotated.status).toBe(200);
      const newSecret = rotated.body.secret as string;
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(firstSecret);
      expect(rotated.body.version).toBe(4);
      const expires = Date.parse(rotated.body.previousSecretExpiresAt);
      expect(expires).toBeGreaterThanOrEqual(before + 3600_000 - 2000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000 + 2000);

      // The item holds both secrets and the old one's expiry; what it signs verifies under either.
      const item = await storedItem(id);
      expect(item?.secret?.S).toBe(newSecret);
      expect(item?.previousSecret?.S).toBe(firstSecret);
      // The answer shows whole seconds; the item keeps milliseconds.
      expect(Math.floor(Number(item?.previousSecretExpiresAt?.N) / 1000) * 1000).toBe(expires);
      const body = JSON.stringify({ type: 'dossier.received' });
      const headers = signatureHeaders(
        [item?.secret?.S as string, item?.previousSecret?.S as string],
        'msg_rotation',
        Math.floor(Date.now() / 1000),
        body,
      );
      expect(new Webhook(firstSecret).verify(body, { ...headers })).toBeTruthy();
      expect(new Webhook(newSecret).verify(body, { ...headers })).toBeTruthy();

      const again = await api.get(`${BASE}/${id}`, { as: 'quantri' });
      expect(again.body).not.toHaveProperty('secret');
      expect(again.body.previousSecretExpiresAt).toBe(rotated.body.previousSecretExpiresAt);
      // A blind retry with the version it read changes nothing.
      const replay = await api.post(`${BASE}/${id}/rotate-secret`, {
        as: 'quantri',
        body: { expectedVersion: 3 },
      });
      expect(replay).toMatchObject({ status: 409, body: { currentVersion: 4 } });
    });

    it('refuses a grace period over 7 days', async () => {
      const tooLong = await api.post(`${BASE}/${id}/rotate-secret`, {
        as: 'quantri',
        body: { expectedVersion: 4, graceSeconds: 7 * 24 * 3600 + 1 },
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors.map((e: { field: string }) => e.field)).toContain('body.graceSeconds');
    });

    it('deletes it: 204, then 404', async () => {
      expect((await api.delete(`${BASE}/${id}`, { as: 'quantri' })).status).toBe(204);
      expect((await api.get(`${BASE}/${id}`, { as: 'quantri' })).status).toBe(404);
      expect((await api.delete(`${BASE}/${id}`, { as: 'quantri' })).status).toBe(404);
      expect(await storedItem(id)).toBeUndefined();
    });
  });

  describe('who may manage which', () => {
    let communeSystem: string;
    let justiceSystem: string;
    let adminsId: string;
    let communesId: string;

    beforeAll(async () => {
      communeSystem = await agencySystemToken(COMMUNE);
      justiceSystem = await agencySystemToken(JUSTICE);
      adminsId = (await api.post(BASE, { as: 'quantri', body: newSubscription({ agency: JUSTICE }) })).body
        .id;
    });

    it('lets an agency system subscribe for its own agency, and no other', async () => {
      const { agency: _named, ...own } = newSubscription();
      const created = await api.post(BASE, { token: communeSystem, body: own });
      expect(created).toMatchObject({ status: 201, body: { agency: COMMUNE } });
      communesId = created.body.id;
      const forOther = await api.post(BASE, {
        token: communeSystem,
        body: newSubscription({ agency: JUSTICE }),
      });
      expect(forOther.status).toBe(403);
      expect(forOther.headers['content-type']).toMatch(PROBLEM);
    });

    it('shows an agency system only its own agency’s subscriptions; the admin sees all', async () => {
      const communes = await api.get(`${BASE}?limit=200`, { token: communeSystem });
      expect(communes.status).toBe(200);
      const agencies = new Set(communes.body.items.map((s: { agency: string }) => s.agency));
      expect([...agencies]).toEqual([COMMUNE]);
      expect(communes.body.items.map((s: { id: string }) => s.id)).toContain(communesId);

      const all = (await api.get(`${BASE}?limit=200`, { as: 'quantri' })).body.items.map(
        (s: { id: string }) => s.id,
      );
      expect(all).toEqual(expect.arrayContaining([communesId, adminsId]));
    });

    it('answers 404 to an agency system for another agency’s subscription', async () => {
      expect((await api.get(`${BASE}/${adminsId}`, { token: communeSystem })).status).toBe(404);
      expect(
        (
          await api.patch(`${BASE}/${adminsId}`, {
            token: communeSystem,
            body: { expectedVersion: 1, enabled: false },
          })
        ).status,
      ).toBe(404);
      expect((await api.delete(`${BASE}/${adminsId}`, { token: communeSystem })).status).toBe(404);
      // Its own agency's system manages it.
      expect((await api.get(`${BASE}/${adminsId}`, { token: justiceSystem })).status).toBe(200);
    });

    it('lets the tenant admin manage an agency system’s subscription', async () => {
      const updated = await api.patch(`${BASE}/${communesId}`, {
        as: 'quantri',
        body: { expectedVersion: 1, description: null },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).not.toHaveProperty('description');
    });

    it('asks a tenant admin to name an agency the tenant has', async () => {
      const { agency: _named, ...unnamed } = newSubscription();
      const missing = await api.post(BASE, { as: 'quantri', body: unnamed });
      expect(missing).toMatchObject({
        status: 422,
        body: { errors: [{ field: 'body.agency', rule: 'agency-required' }] },
      });
      const unknown = await api.post(BASE, {
        as: 'quantri',
        body: newSubscription({ agency: '999.99.99.H99' }),
      });
      expect(unknown).toMatchObject({
        status: 422,
        body: { errors: [{ field: 'body.agency', rule: 'unknown-agency' }] },
      });
    });

    it('refuses reception staff (403) on every route', async () => {
      const as = 'tiepnhan.binhthanh';
      const answers = await Promise.all([
        api.post(BASE, { as, body: newSubscription() }),
        api.get(BASE, { as }),
        api.get(`${BASE}/${adminsId}`, { as }),
        api.patch(`${BASE}/${adminsId}`, { as, body: { expectedVersion: 1, enabled: false } }),
        api.delete(`${BASE}/${adminsId}`, { as }),
        api.post(`${BASE}/${adminsId}/rotate-secret`, { as, body: { expectedVersion: 1 } }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
    });

    it('answers 404 to another tenant’s admin and agency system, and lists nothing of ours', async () => {
      for (const token of [await otherTenantAdminToken(), await agencySystemToken(COMMUNE, 'tinh-khac')]) {
        expect((await api.get(`${BASE}/${adminsId}`, { token })).status).toBe(404);
        expect((await api.patch(`${BASE}/${adminsId}`, { token, body: { expectedVersion: 1 } })).status).toBe(
          404,
        );
        expect(
          (await api.post(`${BASE}/${adminsId}/rotate-secret`, { token, body: { expectedVersion: 1 } }))
            .status,
        ).toBe(404);
        expect((await api.delete(`${BASE}/${adminsId}`, { token })).status).toBe(404);
        expect((await api.get(BASE, { token })).body.items).toEqual([]);
      }
      expect((await api.get(`${BASE}/${adminsId}`, { as: 'quantri' })).status).toBe(200);
    });
  });

  describe('the SSRF guard offline', () => {
    const refusal = async (url: string) => {
      const answer = await api.post(BASE, { as: 'quantri', body: newSubscription({ url }) });
      expect(answer.status).toBe(422);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      return answer.body.errors?.[0] as { field: string; rule: string; message: string };
    };

    it('refuses private and metadata addresses even offline: only loopback is relaxed', async () => {
      expect(await refusal('http://10.0.0.1/')).toMatchObject({ field: 'body.url', rule: 'private-address' });
      const metadata = await refusal('http://169.254.169.254/');
      expect(metadata).toMatchObject({ field: 'body.url', rule: 'metadata-address' });
      expect(metadata.message).toMatch(/ \/ /); // Vietnamese / English
      expect(await refusal('http://2130706433/')).toMatchObject({ rule: 'ip-literal-form' });
      expect(await refusal('http://[::ffff:127.0.0.1]/')).toMatchObject({ rule: 'ip-literal-form' });
      expect(await refusal('http://user:pw@127.0.0.1:9/')).toMatchObject({ rule: 'credentials-in-url' });
    });

    it('refuses a private address when an update changes the URL', async () => {
      const created = await api.post(BASE, { as: 'quantri', body: newSubscription() });
      const changed = await api.patch(`${BASE}/${created.body.id}`, {
        as: 'quantri',
        body: { expectedVersion: 1, url: 'http://192.168.1.10/hook' },
      });
      expect(changed).toMatchObject({
        status: 422,
        body: { errors: [{ field: 'body.url', rule: 'private-address' }] },
      });
      expect((await api.get(`${BASE}/${created.body.id}`, { as: 'quantri' })).body).toMatchObject({
        url: LOOPBACK_URL,
        version: 1,
      });
    });

    it('refuses loopback to a tenant whose settings do not allow it', async () => {
      const { id: _id, ...settings } = (await api.get('/v1/admin/settings', { as: 'quantri' })).body;
      expect(settings.webhooks).toEqual({ allowLoopback: true });
      const put = await api.put('/v1/admin/settings', {
        as: 'quantri',
        body: { ...settings, webhooks: { allowLoopback: false } },
      });
      expect(put.status).toBe(200);
      try {
        expect(await refusal(LOOPBACK_URL)).toMatchObject({ field: 'body.url', rule: 'loopback' });
        expect(await refusal('http://[::1]:9/')).toMatchObject({ rule: 'loopback' });
      } finally {
        expect((await api.put('/v1/admin/settings', { as: 'quantri', body: settings })).status).toBe(200);
      }
    });
  });
});

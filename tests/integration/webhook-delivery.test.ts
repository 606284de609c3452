/**
 * Issue 9 §5, the webhook delivery pipeline end to end, on a cloud of its own (the local SQS's test
 * knob MOTCUA_LOCAL_SQS_MAX_DELAY_MS caps every back-off at 3 s, so the 5 s / 5 min / 30 min
 * schedule runs in seconds; function code never knows). Receivers listen on 127.0.0.1 only and
 * verify with the official `standardwebhooks` library.
 *
 * - a dossier's life reaches the processing subscription of an agency on its route, signed and
 *   with the applicant; a statistics subscription gets it without personal data; a processing
 *   subscription of an agency off the route gets nothing; tampered body, wrong secret and stale
 *   timestamp are rejected by the library (signature unit tests: tests/unit/webhooks);
 * - fault: ~200 events while the receiver first refuses connections, then answers 500, with the
 *   cloud stopped and started in the middle; once it recovers every event arrives, each exactly
 *   once after dedup by webhook-id;
 * - rotation: during the grace period both the old and the new secret verify every delivery;
 * - SSRF at delivery: loopback turned off in the tenant's settings → the attempt is refused before
 *   any connection and logged as target-refused;
 * - 410 Gone disables the subscription; the delivery log shows the attempts; the tenant admin and
 *   the agency's system find one `subscription-disabled` notice, another agency's system none,
 *   reception staff a 403;
 *   redeliver one and redeliver-since bring the rest.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { Webhook } from 'standardwebhooks';
import { INTERNAL_EVENT_TYPES } from '../../shared/api/queues';
import { webhookEventId } from '../../shared/domain/webhooks/project';
import { api } from './helpers/api';
import { acceptedLandTransfer, LAND_TRANSFER_APPLICANT } from './helpers/dossiers';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';
import { removeCloudFolder, startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

jest.setTimeout(180_000);

const BASE = '/v1/webhooks/subscriptions';
const COMMUNE = '000.30.01.H99';
const JUSTICE = '000.05.20.H99';
const CLOUD_ENV = { MOTCUA_LOCAL_SQS_MAX_DELAY_MS: '3000' };

let cloud: CloudHandle;
let dataDir: string;

const as = (user = 'quantri') => ({ baseUrl: cloud.baseUrl, token: cloud.tokens[user] });

// ---- receivers on 127.0.0.1 -------------------------------------------------------------------

interface Received {
  id: string;
  timestamp: string;
  body: string;
  headers: Record<string, string>;
  answered: number;
}

/** A receiver whose answer the test chooses; every request is kept. */
class Receiver {
  mode: 200 | 500 | 410 = 200;
  /** While set, every answer waits for it (the request is kept at once). */
  hold?: Promise<void>;
  readonly received: Received[] = [];
  private server?: http.Server;
  port = 0;

  async listen(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
        );
        this.received.push({
          id: headers['webhook-id'],
          timestamp: headers['webhook-timestamp'],
          body: Buffer.concat(chunks).toString('utf8'),
          headers,
          answered: this.mode,
        });
        const mode = this.mode;
        void (this.hold ?? Promise.resolve()).then(() => res.writeHead(mode).end());
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Accepted (2xx) deliveries, verified with `secret`; a delivery that fails to verify throws. */
  accepted(secret: string): Array<{ id: string; payload: Record<string, unknown> }> {
    const wh = new Webhook(secret);
    return this.received
      .filter((r) => r.answered === 200)
      .map((r) => ({ id: r.id, payload: wh.verify(r.body, r.headers) as Record<string, unknown> }));
  }
}

/** A port nothing listens on (a listener was opened there and closed). */
async function closedPort(): Promise<number> {
  const probe = new Receiver();
  await probe.listen();
  const port = probe.port;
  await probe.close();
  return port;
}

// ---- helpers ------------------------------------------------------------------------------------

async function until(probe: () => Promise<boolean> | boolean, what: string, withinMs = 60_000) {
  const deadline = Date.now() + withinMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function subscribe(url: string, extra: Record<string, unknown> = {}) {
  const res = await api.post(BASE, {
    ...as(),
    body: { url, eventTypes: ['*'], purpose: 'processing', agency: COMMUNE, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string; version: number };
}

async function act(user: string, code: string, action: Record<string, unknown>) {
  const current = await api.get(`/v1/dossiers/${code}`, as(user));
  expect(current.status).toBe(200);
  const res = await api.post(`/v1/dossiers/${code}/actions`, {
    ...as(user),
    body: { ...action, expectedVersion: current.body.version },
  });
  expect(res.status).toBe(200);
}

/** A land transfer accepted at the commune and forwarded to the land office: three public events. */
async function forwardedDossier(): Promise<string> {
  const { code } = await acceptedLandTransfer(as('tiepnhan.binhthanh'));
  await act('tiepnhan.binhthanh', code, { action: 'forward' });
  return code;
}

/** Runs `count` jobs, `parallel` at a time. */
async function inParallel<T>(count: number, parallel: number, job: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next += 1;
        out.push(await job());
      }
    }),
  );
  return out;
}

/** The public event ids the table's outbox holds for these dossiers: what must be delivered. */
async function publicEventIds(codes: readonly string[]): Promise<Set<string>> {
  const dynamodb = new DynamoDBClient({
    endpoint: cloud.info.endpoints.dynamodb,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const ids = new Set<string>();
    for (const code of codes) {
      const { Items = [] } = await dynamodb.send(
        new QueryCommand({
          TableName: cloud.info.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :outbox)',
          ExpressionAttributeValues: {
            ':pk': { S: `TENANT#${cloud.info.tenant}#DOSSIER#${code}` },
            ':outbox': { S: 'OUTBOX#' },
          },
          ConsistentRead: true,
        }),
      );
      for (const item of Items)
        if (!INTERNAL_EVENT_TYPES.includes(item.type.S as string))
          ids.add(webhookEventId(cloud.info.tenant, code, item.id.S as string));
    }
    return ids;
  } finally {
    dynamodb.destroy();
  }
}

async function deliveries(subscription: string, query = '') {
  const res = await api.get(`${BASE}/${subscription}/deliveries${query}`, as());
  expect(res.status).toBe(200);
  return res.body.items as Array<{
    id: string;
    eventId: string;
    dossierCode: string;
    status: string;
    attempts: number;
    attemptLog: Array<{ status?: number; error?: string; latencyMs: number }>;
  }>;
}

/** The webhook notices of `subscription` that `token` may read (default: the tenant admin's). */
async function noticesOf(subscription: string, token = cloud.tokens.quantri, query = '') {
  const res = await api.get(`/v1/webhooks/notices${query}`, { baseUrl: cloud.baseUrl, token });
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ subscriptionId: string }>).filter(
    (n) => n.subscriptionId === subscription,
  );
}

/** A token of an agency's own system, signed by this cloud's issuer. */
const systemToken = (agency: string) =>
  signWithIssuerKey(
    claimsLike(cloud.tokens.quantri, {
      'custom:roles': 'agencySystem',
      'custom:agency': agency,
      'cognito:username': `hethong.${agency}`,
    }),
    cloud.dataDir,
  );

async function setLoopback(allow: boolean) {
  const { id: _id, ...settings } = (await api.get('/v1/admin/settings', as())).body;
  const put = await api.put('/v1/admin/settings', {
    ...as(),
    body: { ...settings, webhooks: { allowLoopback: allow } },
  });
  expect(put.status).toBe(200);
}

async function disableSubscription(id: string) {
  const current = await api.get(`${BASE}/${id}`, as());
  const res = await api.patch(`${BASE}/${id}`, {
    ...as(),
    body: { enabled: false, expectedVersion: current.body.version },
  });
  expect(res.status).toBe(200);
}

// ---- the tests ------------------------------------------------------------------------------------

beforeAll(async () => {
  cloud = await startCloudProcess({ env: CLOUD_ENV });
  dataDir = cloud.dataDir;
}, 90_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud);
  if (dataDir) await removeCloudFolder(dataDir);
});

describe('webhook delivery (integration, own cloud)', () => {
  it('delivers a dossier’s life, signed, by the personal-data and agency rules', async () => {
    const processing = new Receiver();
    const statistics = new Receiver();
    const offRoute = new Receiver();
    await Promise.all([processing.listen(), statistics.listen(), offRoute.listen()]);
    try {
      const p = await subscribe(processing.url);
      const s = await subscribe(statistics.url, { purpose: 'statistics' });
      const o = await subscribe(offRoute.url, { agency: JUSTICE });

      const { code } = await acceptedLandTransfer(as('tiepnhan.binhthanh'));
      await act('tiepnhan.binhthanh', code, { action: 'forward' });
      await act('chuyenvien.datdai', code, {
        action: 'requestSupplement',
        items: [{ document: 'Tờ khai', reason: 'Chưa ký' }],
        reason: 'Thiếu chữ ký',
      });
      await act('tiepnhan.binhthanh', code, { action: 'receiveSupplement' });
      const expected = await publicEventIds([code]);
      expect(expected.size).toBe(5);

      await until(
        () => processing.accepted(p.secret).length >= 5 && statistics.accepted(s.secret).length >= 5,
        'the five events at both receivers',
      );
      const got = processing.accepted(p.secret);
      expect(new Set(got.map((d) => d.id))).toEqual(expected);
      for (const { id, payload } of got) {
        expect(payload.id).toBe(id);
        expect(payload.dossierCode).toBe(code);
        expect((payload.data as { applicant?: unknown }).applicant).toEqual({
          name: LAND_TRANSFER_APPLICANT.name,
          idNumber: LAND_TRANSFER_APPLICANT.idNumber,
        });
      }
      const types = [...got].sort((a, b) => Number(a.payload.sequence) - Number(b.payload.sequence));
      expect(types.map((d) => d.payload.type)).toEqual([
        'dossier.submitted',
        'dossier.received',
        'dossier.forwarded',
        'dossier.paused',
        'dossier.resumed',
      ]);
      const stats = statistics.accepted(s.secret);
      expect(new Set(stats.map((d) => d.id))).toEqual(expected);
      for (const r of statistics.received) expect(r.body).not.toContain(LAND_TRANSFER_APPLICANT.idNumber);
      // Isolation: an agency off the dossier's route hears nothing of it.
      expect(offRoute.received).toHaveLength(0);

      // The library rejects a tampered body, a wrong secret and a stale timestamp.
      const one = processing.received[0];
      const wh = new Webhook(p.secret);
      expect(() => wh.verify(one.body.replace(code, `${code}X`), one.headers)).toThrow();
      expect(() => new Webhook(s.secret).verify(one.body, one.headers)).toThrow();
      const stale = { ...one.headers, 'webhook-timestamp': String(Number(one.timestamp) - 600) };
      expect(() => wh.verify(one.body, stale)).toThrow(/timestamp/i);

      // The delivery log: delivered, one attempt each, no body.
      const log = await deliveries(p.id);
      expect(log.map((d) => d.status)).toEqual(Array(5).fill('delivered'));
      expect(log.every((d) => d.attemptLog.at(-1)?.status === 200)).toBe(true);
      expect(JSON.stringify(log)).not.toContain(LAND_TRANSFER_APPLICANT.idNumber);
      for (const id of [p.id, s.id, o.id]) await disableSubscription(id);
    } finally {
      await Promise.all([processing.close(), statistics.close(), offRoute.close()]);
    }
  });

  it('loses nothing across refused connections, 500s and a restart of the cloud: every event once after dedup', async () => {
    const started = Date.now();
    const port = await closedPort();
    const receiver = new Receiver();
    const sub = await subscribe(`http://127.0.0.1:${port}/hooks`);

    // Phase 1: nothing listens. Half of the dossiers.
    const codes = await inParallel(34, 4, forwardedDossier);
    // Phase 2: it answers 500; the cloud is stopped and started on the same data in the middle.
    receiver.mode = 500;
    await receiver.listen(port);
    try {
      await until(() => receiver.received.length > 0, 'a first 500', 20_000);
      await stopCloudProcess(cloud);
      cloud = await startCloudProcess({ dataDir, env: CLOUD_ENV });
      codes.push(...(await inParallel(33, 4, forwardedDossier)));
      const expected = await publicEventIds(codes);
      expect(expected.size).toBeGreaterThanOrEqual(200);

      // Phase 3: it recovers.
      receiver.mode = 200;
      await until(
        () => new Set(receiver.accepted(sub.secret).map((d) => d.id)).size >= expected.size,
        `all ${expected.size} events accepted`,
        60_000,
      );
      const accepted = receiver.accepted(sub.secret);
      const ids = accepted.map((d) => d.id);
      expect(new Set(ids)).toEqual(expected);
      const refusedOrFailed = receiver.received.filter((r) => r.answered === 500).length;
      expect(refusedOrFailed).toBeGreaterThan(0);
      // Timing and duplicates, for the report (a duplicate is allowed; dedup makes it harmless).
      process.stdout.write(
        `fault test: ${expected.size} events, ${accepted.length} accepted deliveries ` +
          `(${accepted.length - expected.size} duplicates), ${refusedOrFailed} answered 500, ` +
          `${Math.round((Date.now() - started) / 1000)} s\n`,
      );
      // The log shows the refused connections before the success.
      const log = await deliveries(sub.id, '?limit=200');
      expect(log.every((d) => d.status === 'delivered')).toBe(true);
      expect(log.some((d) => d.attemptLog.some((a) => a.error === 'ECONNREFUSED'))).toBe(true);
      expect(log.some((d) => d.attemptLog.some((a) => a.status === 500))).toBe(true);
      await disableSubscription(sub.id);
    } finally {
      await receiver.close();
    }
  });

  it('signs with both secrets during a rotation’s grace period', async () => {
    const receiver = new Receiver();
    await receiver.listen();
    try {
      const sub = await subscribe(receiver.url);
      const before = await forwardedDossier();
      await until(() => receiver.accepted(sub.secret).length >= 3, 'the events before the rotation');
      const rotated = await api.post(`${BASE}/${sub.id}/rotate-secret`, {
        ...as(),
        body: { expectedVersion: sub.version, graceSeconds: 3600 },
      });
      expect(rotated.status).toBe(200);
      const newSecret = rotated.body.secret as string;
      expect(newSecret).not.toBe(sub.secret);
      const seenBefore = receiver.received.length;
      const after = await forwardedDossier();
      await until(() => receiver.received.length >= seenBefore + 3, 'the events after the rotation');
      const afterRotation = receiver.received.slice(seenBefore);
      for (const r of afterRotation) {
        // A receiver holding the old secret and one holding the new one both verify it.
        expect(() => new Webhook(sub.secret).verify(r.body, r.headers)).not.toThrow();
        expect(() => new Webhook(newSecret).verify(r.body, r.headers)).not.toThrow();
        expect(r.headers['webhook-signature'].split(' ')).toHaveLength(2);
      }
      expect(afterRotation.map((r) => JSON.parse(r.body).dossierCode)).toEqual(Array(3).fill(after));
      expect(receiver.received.slice(0, seenBefore).every((r) => r.body.includes(before))).toBe(true);
      await disableSubscription(sub.id);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a loopback target at delivery once the tenant turns loopback off (target-refused, no connection)', async () => {
    const receiver = new Receiver();
    await receiver.listen();
    const sub = await subscribe(receiver.url);
    try {
      await setLoopback(false);
      const code = (await acceptedLandTransfer(as('tiepnhan.binhthanh'))).code;
      await until(
        async () => (await deliveries(sub.id)).filter((d) => d.attempts > 0).length >= 2,
        'the refused attempts',
      );
      const log = await deliveries(sub.id);
      for (const d of log.filter((x) => x.attempts > 0)) {
        expect(d.dossierCode).toBe(code);
        expect(d.status).toBe('failed');
        expect(d.attemptLog[0]).toMatchObject({ error: 'target-refused:loopback', latencyMs: 0 });
        expect(d.attemptLog[0].status).toBeUndefined();
      }
      expect(receiver.received).toHaveLength(0);
    } finally {
      await setLoopback(true);
      await disableSubscription(sub.id);
      await receiver.close();
    }
  });

  it('410 disables the subscription; the log shows it; redeliver one and redeliver-since bring the rest', async () => {
    const receiver = new Receiver();
    receiver.mode = 410;
    await receiver.listen();
    try {
      const sub = await subscribe(receiver.url);
      const since = new Date().toISOString();
      // The first 410 would disable the subscription before the forwarding is fanned out: hold the
      // answers until all three events have their delivery.
      let release = () => {};
      receiver.hold = new Promise<void>((resolve) => (release = resolve));
      const code = await forwardedDossier();
      await until(async () => (await deliveries(sub.id)).length === 3, 'three deliveries');
      release();
      await until(
        async () => !(await api.get(`${BASE}/${sub.id}`, as())).body.enabled,
        'the subscription disabled',
      );
      await until(
        async () => (await deliveries(sub.id)).every((d) => d.status === 'gone' || d.status === 'skipped'),
        'every delivery finished as gone or skipped',
      );
      const log = await deliveries(sub.id);
      expect(log).toHaveLength(3);
      const gone = log.filter((d) => d.status === 'gone');
      expect(gone.length).toBeGreaterThanOrEqual(1);
      expect(gone[0].attemptLog).toEqual([expect.objectContaining({ status: 410, error: 'http-410' })]);
      expect((await deliveries(sub.id, '?status=gone')).map((d) => d.id)).toEqual(gone.map((d) => d.id));

      // The tenant admin is told once (however many deliveries met the 410), and so is the
      // agency's own system; another agency's system sees nothing of it.
      const notice = await noticesOf(sub.id, undefined, `?since=${encodeURIComponent(since)}`);
      expect(notice).toEqual([
        expect.objectContaining({ kind: 'subscription-disabled', reason: 'gone', subscriptionId: sub.id }),
      ]);
      expect(await noticesOf(sub.id, await systemToken(COMMUNE))).toEqual(notice);
      expect(await noticesOf(sub.id, await systemToken(JUSTICE))).toEqual([]);
      expect(await noticesOf(sub.id, undefined, '?since=2099-01-01T00:00:00Z')).toEqual([]);
      expect((await api.get('/v1/webhooks/notices', as('tiepnhan.binhthanh'))).status).toBe(403);

      // The receiver is back; an admin enables the subscription again and redelivers.
      receiver.mode = 200;
      const current = (await api.get(`${BASE}/${sub.id}`, as())).body;
      expect(
        (
          await api.patch(`${BASE}/${sub.id}`, {
            ...as(),
            body: { enabled: true, expectedVersion: current.version },
          })
        ).status,
      ).toBe(200);
      const one = await api.post(`${BASE}/${sub.id}/deliveries/${gone[0].id}/redeliver`, as());
      expect(one).toMatchObject({ status: 202, body: { id: gone[0].id, status: 'pending' } });
      await until(() => receiver.accepted(sub.secret).length >= 1, 'the redelivered event');
      expect(receiver.accepted(sub.secret)[0].id).toBe(gone[0].eventId);

      const rest = await api.post(`${BASE}/${sub.id}/redeliver`, { ...as(), body: { since } });
      expect(rest).toMatchObject({ status: 202, body: { requeued: 2 } });
      await until(() => receiver.accepted(sub.secret).length >= 3, 'the other two events');
      expect(new Set(receiver.accepted(sub.secret).map((d) => d.id))).toEqual(await publicEventIds([code]));
      const final = await deliveries(sub.id);
      expect(final.map((d) => d.status)).toEqual(Array(3).fill('delivered'));
      expect(final.find((d) => d.id === gone[0].id)?.attemptLog.map((a) => a.status)).toEqual([410, 200]);
    } finally {
      await receiver.close();
    }
  });
});

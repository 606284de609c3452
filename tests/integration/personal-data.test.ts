/**
 * Issue 11 §5, personal data sealed, on a cloud of its own (so its log files hold exactly this
 * run): applicants with known ID numbers, phones, e-mails and addresses submit through every
 * channel (counter, post, online by a citizen, the counter again with an Idempotency-Key and its
 * replay); a processing webhook of the receiving agency is delivered and the applicant notified by
 * e-mail and SMS. Then:
 * - a scan of the whole table (DynamoDB Local, through the SDK) finds none of those values in
 *   clear anywhere — dossiers, history, outbox, deliveries, notifications, stored answers, keys;
 * - staff of an involved agency, and the citizen who submitted, still see them through the API,
 *   exactly as submitted; the public tracking view never shows them;
 * - the work queue filtered by ID number finds the dossier (by keyed hash), and no other;
 * - the agency's own webhook receiver got the ID number (today's contract, opened at delivery);
 * - the cloud's whole log output (every function's logs) holds none of the ID numbers or phones.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { api, newCitizenToken } from './helpers/api';
import { removeCloudFolder, startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

jest.setTimeout(240_000);

const COMMUNE = '000.30.01.H99';
let cloud: CloudHandle;
let dataDir: string;
const as = (user: string) => ({ baseUrl: cloud.baseUrl, token: cloud.tokens[user] });

/** Values made up for this run, found nowhere else: any hit in the table or logs is a leak. */
const run = String(Date.now()).slice(-6);
const person = (n: number) => ({
  idNumber: `0791${run}${String(n).padStart(2, '0')}`,
  phone: `0987${run}`.slice(0, 8) + String(n).padStart(2, '0'),
  email: `nguoi.nop.${run}.${n}@example.vn`,
  address: `Số ${n} ngõ Kín ${run}, thôn Ẩn Danh`,
});
const people = [1, 2, 3, 4].map(person);
/** The receipt secrets the submissions answered (issue 11 §7): sealed in the table, in no log. */
const secrets: string[] = [];

/** A receiver on 127.0.0.1 that keeps every body. */
function receiver() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end();
    });
  });
  return {
    bodies,
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(probe: () => Promise<boolean> | boolean, what: string, withinMs = 60_000) {
  const deadline = Date.now() + withinMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function scanTable(): Promise<Array<Record<string, unknown>>> {
  const client = new DynamoDBClient({
    endpoint: cloud.info.endpoints.dynamodb,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const items: Array<Record<string, unknown>> = [];
  try {
    let start: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: cloud.info.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
  } finally {
    client.destroy();
  }
  return items;
}

const submission = (p: (typeof people)[number], extra: Record<string, unknown> = {}) => ({
  procedureCode: '1.004227',
  channel: 'counter',
  applicant: { name: 'Trần Thị Kín', ...p, notify: { email: true, sms: true } },
  request: 'Đăng ký biến động do chuyển nhượng',
  decision: { outcome: 'accept' },
  ...extra,
});

beforeAll(async () => {
  // INFO, the level the functions log at in AWS (infra/constructs/api-function.ts); not quiet, so
  // the gateway's request lines are in the output scanned too.
  cloud = await startCloudProcess({
    env: { POWERTOOLS_LOG_LEVEL: 'INFO', MOTCUA_QUIET: 'false', MOTCUA_LOCAL_SQS_MAX_DELAY_MS: '3000' },
  });
  dataDir = cloud.dataDir;
}, 120_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud);
  if (dataDir) await removeCloudFolder(dataDir);
});

describe('personal data sealed (own cloud)', () => {
  const codes: string[] = [];
  const hook = receiver();

  it('is taken through every channel, a webhook, notifications and an idempotent replay', async () => {
    await hook.listen();
    const { id: _id, ...settings } = (await api.get('/v1/admin/settings', as('quantri'))).body;
    expect(
      (
        await api.put('/v1/admin/settings', {
          ...as('quantri'),
          body: { ...settings, webhooks: { allowLoopback: true } },
        })
      ).status,
    ).toBe(200);
    const sub = await api.post('/v1/webhooks/subscriptions', {
      ...as('quantri'),
      body: { url: hook.url(), eventTypes: ['*'], purpose: 'processing', agency: COMMUNE },
    });
    expect(sub.status).toBe(201);

    // Counter, with an Idempotency-Key, then its replay: the same answer, in clear, to the caller.
    const key = `seal-${randomUUID()}`;
    const counter = await api.post('/v1/dossiers', {
      ...as('tiepnhan.binhthanh'),
      idempotencyKey: key,
      body: submission(people[0]),
    });
    expect(counter.status).toBe(201);
    expect(counter.body.applicant).toMatchObject(people[0]);
    const replay = await api.post('/v1/dossiers', {
      ...as('tiepnhan.binhthanh'),
      idempotencyKey: key,
      body: submission(people[0]),
    });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(counter.body);
    codes.push(counter.body.code);
    secrets.push(counter.body.receiptSecret);

    const postal = await api.post('/v1/dossiers', {
      ...as('tiepnhan.tinh'),
      body: submission(people[1], {
        channel: 'postal',
        postalTrackingNumber: 'EI123456789VN',
        resultDelivery: 'post',
      }),
    });
    expect(postal.status).toBe(201);
    codes.push(postal.body.code);
    secrets.push(postal.body.receiptSecret);

    const citizen = await newCitizenToken(`cccd-${randomUUID()}`, 'Trần Thị Kín', { baseUrl: cloud.baseUrl });
    const online = await api.post('/v1/dossiers', {
      baseUrl: cloud.baseUrl,
      token: citizen,
      body: {
        procedureCode: '2.000488',
        channel: 'online',
        applicant: { name: 'Trần Thị Kín', ...people[2] },
        request: 'Cấp Phiếu lý lịch tư pháp số 1',
      },
    });
    expect(online.status).toBe(201);
    codes.push(online.body.code);
    secrets.push(online.body.receiptSecret);
    // The citizen sees their own dossier in full.
    const own = await api.get(`/v1/dossiers/${online.body.code}`, { baseUrl: cloud.baseUrl, token: citizen });
    expect(own.status).toBe(200);
    expect(own.body.applicant).toMatchObject(people[2]);
    const decided = await api.post(`/v1/dossiers/${online.body.code}/reception-decision`, {
      ...as('tiepnhan.tinh'),
      body: { outcome: 'accept', expectedVersion: online.body.version },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.applicant).toMatchObject(people[2]);

    const fourth = await api.post('/v1/dossiers', {
      ...as('tiepnhan.binhthanh'),
      body: submission(people[3]),
    });
    expect(fourth.status).toBe(201);
    codes.push(fourth.body.code);
    secrets.push(fourth.body.receiptSecret);
    // The receipt holder reads the status with the secret in its header: a request the logs see.
    const byReceipt = await api.get(`/v1/public/${cloud.info.tenant}/dossiers/${fourth.body.code}/status`, {
      baseUrl: cloud.baseUrl,
      headers: { 'x-receipt-secret': fourth.body.receiptSecret },
    });
    expect(byReceipt.status).toBe(200);

    // The agency's own processing system gets the ID number, as before (opened at delivery).
    await until(
      () => hook.bodies.some((b) => b.includes(people[0].idNumber)),
      "the receiving agency's webhook with the ID number",
    );
    // The applicant was told by e-mail and SMS (the mailbox lies outside the table).
    await until(async () => {
      const res = await fetch(`${cloud.baseUrl}/_local/mail?dossier=${encodeURIComponent(codes[0])}`);
      const mail = (await res.json()) as { messages: Array<{ channel: string }> };
      return ['email', 'sms'].every((c) => mail.messages.some((m) => m.channel === c));
    }, 'the e-mail and the SMS');
  });

  it('a scan of the whole table finds none of the values in clear', async () => {
    // Let the bus settle: reports, usage, notifications, deliveries all written.
    await new Promise((r) => setTimeout(r, 3000));
    const items = await scanTable();
    expect(items.length).toBeGreaterThan(50);
    const text = items.map((i) => JSON.stringify(i));
    const hits = people.flatMap((p) =>
      Object.values(p).flatMap((value) =>
        text.filter((t) => t.includes(value)).map((t) => `${value} in ${t.slice(0, 120)}`),
      ),
    );
    expect(hits).toEqual([]);
    expect(secrets).toHaveLength(4);
    for (const secret of secrets)
      expect(text.filter((t) => t.includes(secret) || t.includes(secret.replace('-', '')))).toEqual([]);
    // The receipt secrets: one item per dossier, sealed beside its keyed hash.
    const receipts = items.filter((i) => i.SK === '#RECEIPT' && codes.includes(String(i.code)));
    expect(receipts).toHaveLength(codes.length);
    for (const item of receipts) {
      expect(item.sealed).toMatch(/^s1\.1\./);
      expect(item.hash).toMatch(/^r1\./);
    }
    // What is there instead: sealed fields beside a keyed hash, and the tenant's wrapped key.
    const dossierItems = items.filter((i) => i.SK === '#DOSSIER' && codes.includes(String(i.code)));
    expect(dossierItems).toHaveLength(codes.length);
    for (const item of dossierItems) {
      const applicant = (item.body as { applicant: Record<string, string> }).applicant;
      for (const field of ['idNumber', 'phone', 'email', 'address'])
        expect(applicant[field]).toMatch(/^s1\.1\./);
      expect(item.idHash).toMatch(/^h1\./);
    }
    expect(items.some((i) => String(i.SK).startsWith('KEY#v1') && typeof i.wrapped === 'string')).toBe(true);
    const stored = items.filter((i) => String(i.SK).startsWith('idem#'));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((i) => String(i.result).startsWith('s1.'))).toBe(true);
    const deliveries = items.filter((i) => String(i.SK).startsWith('DLV#'));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((i) => String(i.body).startsWith('s1.'))).toBe(true);
  });

  it('staff of an involved agency see the values as submitted; the public view never does', async () => {
    const seen = await api.get(`/v1/dossiers/${codes[0]}`, as('tiepnhan.binhthanh'));
    expect(seen.status).toBe(200);
    expect(seen.body.applicant).toMatchObject(people[0]);
    const tracked = await api.get(`/v1/public/${cloud.info.tenant}/dossiers/${codes[0]}`, {
      baseUrl: cloud.baseUrl,
    });
    expect(tracked.status).toBe(200);
    for (const value of Object.values(people[0])) expect(JSON.stringify(tracked.body)).not.toContain(value);
  });

  it('the work queue finds a dossier by the exact ID number, through its keyed hash', async () => {
    const found = await api.get(`/v1/work-queue?idNumber=${people[3].idNumber}`, as('tiepnhan.binhthanh'));
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { code: string }) => i.code)).toEqual([codes[3]]);
    const none = await api.get(`/v1/work-queue?idNumber=001099999999`, as('tiepnhan.binhthanh'));
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
  });

  it("the cloud's full log output holds none of the ID numbers or phones", async () => {
    await hook.close();
    const logs = (
      await Promise.all([readFile(cloud.logFiles.stdout, 'utf8'), readFile(cloud.logFiles.stderr, 'utf8')])
    ).join('\n');
    // A real run's output: the gateway's request lines (the search by ID number among them) and
    // the functions' own log lines (the fan-out logs each batch).
    expect(logs).toContain('[gateway] GET /v1/work-queue?idNumber=…');
    expect(logs).toContain('webhook fan-out');
    const hits = people.flatMap((p) => [p.idNumber, p.phone].filter((v) => logs.includes(v)));
    expect(hits).toEqual([]);
    // Nor the receipt secrets, the one read with a secret included (issue 11 §7).
    expect(logs).toContain('/status');
    expect(secrets.filter((s) => logs.includes(s) || logs.includes(s.replace('-', '')))).toEqual([]);
  });
});

/**
 * Metering per tenant and month (issue 10 §4), through HTTP on a cloud of its own (the shared
 * cloud's other tests submit dossiers in the demo tenant at the same time, so exact counts need a
 * tenant nobody else touches): submissions by channel and actions are counted once each, even when
 * every event reaches the usage queue a second time; a tenant admin reads only the own tenant, the
 * operator any.
 */
import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queuesFor } from '../../shared/api/queues';
import { toBusMessage } from '../../shared/usecases/dispatch-outbox';
import { localQueueName } from '../../infra/local/sqs/queues';
import { api, newStaffToken } from './helpers/api';
import { cloudSteps } from './helpers/cloud-steps';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

let cloud: CloudHandle;
const { as, actOk } = cloudSteps(() => cloud);
const LOCAL = { region: 'ap-southeast-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
const month = () => {
  const vn = new Date(Date.now() + 7 * 3600_000);
  return `${vn.getUTCFullYear()}-${String(vn.getUTCMonth() + 1).padStart(2, '0')}`;
};

beforeAll(async () => {
  // INFO: the consumer's "already counted" lines show that the copies reached it.
  cloud = await startCloudProcess({ env: { POWERTOOLS_LOG_LEVEL: 'INFO' } });
}, 90_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

async function submit(channel: 'counter' | 'postal'): Promise<string> {
  const res = await api.post('/v1/dossiers', {
    ...as('tiepnhan.binhthanh'),
    body: {
      procedureCode: '2.000815',
      channel,
      applicant: {
        name: 'Đỗ Văn Đo',
        idNumber: '001088000111',
        phone: '0977000111',
        address: 'Xã Bình Thành',
      },
      request: 'Hồ sơ đo mức sử dụng',
      decision: { outcome: 'accept' },
    },
  });
  if (res.status !== 201) throw new Error(`submit (${channel}): ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.code as string;
}

const usageOf = async (user: string) => {
  const res = await api.get(`/v1/admin/usage?month=${month()}`, as(user));
  expect(res.status).toBe(200);
  return res.body;
};

/** The figures of the events: API calls move with every read, these reads included (api-calls.test.ts). */
const withoutApiCalls = ({ apiCalls: _calls, apiCallsDetail: _detail, ...rest }: Record<string, unknown>) =>
  rest;

/** Polls until `check` holds of the admin's view (the consumer counts asynchronously). */
async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, within = 30_000): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Every outbox event of a dossier, as the dispatcher sends it (the items live a week). */
async function busMessagesOf(code: string) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: cloud.info.endpoints.dynamodb, ...LOCAL }),
  );
  try {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: cloud.info.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': `TENANT#${cloud.info.tenant}#DOSSIER#${code}`, ':sk': 'OUTBOX#' },
      }),
    );
    return Items.map((i) =>
      toBusMessage({
        id: i.id,
        type: i.type,
        occurredAt: i.occurredAt,
        tenant: i.tenant,
        code: i.code,
        payload: i.payload,
      }),
    );
  } finally {
    client.destroy();
  }
}

describe('usage per tenant and month (integration)', () => {
  it('counts each submission by channel and each action once, a second delivery of every event changing nothing', async () => {
    const before = await usageOf('quantri');
    expect(before).toMatchObject({ tenant: cloud.info.tenant, month: month() });

    const first = await submit('counter');
    await submit('postal');
    await actOk('tiepnhan.binhthanh', first, { action: 'forward' });
    // Accepting at the counter is an action too (dossier.received), besides the submission.
    const expected = {
      counter: before.dossiersReceived.counter + 1,
      postal: before.dossiersReceived.postal + 1,
      actions: before.actions + 3,
    };
    const counted = await eventually(
      () => usageOf('quantri'),
      (u) => u.actions >= expected.actions && u.dossiersReceived.total >= before.dossiersReceived.total + 2,
    );
    expect(counted.dossiersReceived).toMatchObject({
      counter: expected.counter,
      postal: expected.postal,
      total: before.dossiersReceived.total + 2,
    });
    expect(counted.actions).toBe(expected.actions);

    // SQS delivers at least once: every event of the first dossier reaches the queue again.
    // (only the types the dispatcher copies to the usage queue)
    const messages = (await busMessagesOf(first)).filter((m) => queuesFor(m.type).includes('usage'));
    expect(messages.map((m) => m.type)).toEqual(
      expect.arrayContaining(['dossier.submitted', 'dossier.received', 'dossier.forwarded']),
    );
    const sqs = new SQSClient({ endpoint: cloud.info.endpoints.sqs, ...LOCAL });
    try {
      const queueUrl = cloud.info.queues[localQueueName('usage')];
      expect(queueUrl).toBeDefined();
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) })),
        }),
      );
    } finally {
      sqs.destroy();
    }
    // A dossier submitted after the copies is counted after them (one consumer, queue order): once
    // it shows, the copies have been through the consumer.
    await submit('counter');
    const after = await eventually(
      () => usageOf('quantri'),
      (u) => u.dossiersReceived.counter >= expected.counter + 1 && u.actions >= expected.actions + 1,
    );
    expect(after.dossiersReceived).toMatchObject({ counter: expected.counter + 1, postal: expected.postal });
    expect(after.actions).toBe(expected.actions + 1);
    // Each copy reached the consumer and was recognised.
    const duplicates = async () =>
      (await readFile(cloud.logFiles.stdout, 'utf8')).split('usage event already counted').length - 1;
    await eventually(duplicates, (n) => n >= messages.length);
    expect(await duplicates()).toBe(messages.length);
    expect(withoutApiCalls(await usageOf('quantri'))).toEqual(withoutApiCalls(after));

    // The operator reads the same figures.
    const operator = await api.get(
      `/v1/operator/tenants/${cloud.info.tenant}/usage?month=${month()}`,
      as('operator'),
    );
    expect(operator.status).toBe(200);
    expect(withoutApiCalls(operator.body)).toEqual(withoutApiCalls(after));
  }, 120_000);

  it('lets a tenant admin read only the own tenant, and the operator any tenant that exists', async () => {
    const created = await api.post('/v1/operator/tenants', {
      ...as('operator'),
      body: {
        provinceCode: 'H97',
        name: 'Tỉnh Đo Đếm',
        contact: { name: 'Văn phòng UBND', email: 'vp@h97.example.vn' },
        admin: { email: 'quantri@h97.example.vn' },
      },
    });
    expect(created.status).toBe(201);
    const otherAdmin = {
      token: await newStaffToken('h97.quantri', { baseUrl: cloud.baseUrl }),
      baseUrl: cloud.baseUrl,
    };
    // B's admin sees B's month (nothing yet), never A's dossiers.
    const own = await api.get('/v1/admin/usage', otherAdmin);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      tenant: 'h97',
      month: month(),
      actions: 0,
      dossiersReceived: { total: 0 },
    });
    // A's admin cannot name B (nor anyone) on the operator's route.
    const cross = await api.get('/v1/operator/tenants/h97/usage', as('quantri'));
    expect(cross.status).toBe(403);
    expect((await api.get(`/v1/operator/tenants/${cloud.info.tenant}/usage`, otherAdmin)).status).toBe(403);
    // Staff who are not tenant admins are refused too.
    expect((await api.get('/v1/admin/usage', as('tiepnhan.binhthanh'))).status).toBe(403);
    // The operator: 404 for a tenant that does not exist, 400 for a month that is not one.
    expect((await api.get('/v1/operator/tenants/khong-co/usage', as('operator'))).status).toBe(404);
    expect((await api.get('/v1/admin/usage?month=2026-13', as('quantri'))).status).toBe(400);
  }, 60_000);

  it('counts an attachment’s bytes once when it is stored, with its GB-months to the month’s end', async () => {
    const code = await submit('counter');
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(4096, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const before = await usageOf('quantri');
    const ticket = await api.post(`/v1/dossiers/${code}/attachments`, {
      ...as('tiepnhan.binhthanh'),
      body: { fileName: 'ban-chinh.pdf', contentType: 'application/pdf', size: pdf.length },
    });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.upload.url, {
      method: 'PUT',
      headers: ticket.body.upload.headers,
      body: pdf,
    });
    expect(put.ok).toBe(true);
    const id = ticket.body.attachment.id as string;
    // Confirmed twice (a retried request): stored once, counted once.
    for (let i = 0; i < 2; i++)
      expect(
        (await api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, as('tiepnhan.binhthanh'))).status,
      ).toBe(200);
    const after = await usageOf('quantri');
    expect(after.attachments.bytesStoredAtMonthEnd - before.attachments.bytesStoredAtMonthEnd).toBe(
      pdf.length,
    );
    // Stored now, kept to the month's end: more than nothing, less than the whole month.
    const added = after.attachments.gbMonths - before.attachments.gbMonths;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(pdf.length / 1024 ** 3);
  }, 60_000);
});

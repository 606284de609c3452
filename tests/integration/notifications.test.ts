/**
 * Issue 13 §3, notifications to applicants, on a cloud of its own whose clock the test sets (the
 * dossier's life runs in working hours, and the shared cloud's tests keep their own time):
 * - a dossier whose applicant agreed to e-mail and SMS, taken through its life (received →
 *   supplement requested → supplement received → apology → result ready → returned), produces
 *   exactly the expected messages in the local mailbox (`GET /_local/mail`), once each;
 * - the same bus messages sent again to the notifications queue, twice each and at once, send
 *   nothing more;
 * - the control sheet lists each message with the masked address, never the address in clear;
 * - an applicant without consent gets nothing, one who agreed to SMS only gets SMS only;
 * - a send the provider refuses is retried by the queue and sent once.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GetQueueAttributesCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { localQueueName } from '../../infra/local/sqs/queues';
import { toBusMessage, type OutboxItem } from '../../shared/usecases/dispatch-outbox';
import { cloudSteps } from './helpers/cloud-steps';
import { api } from './helpers/api';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

const REGION = 'ap-southeast-1';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const EMAIL = 'dung.nguyen@example.vn';
const PHONE = '0903000444';
const vn = (local: string) => `${local}+07:00`;

let cloud: CloudHandle;
const { as, setClock, actOk } = cloudSteps(() => cloud);

interface Mail {
  channel: 'email' | 'sms';
  from?: string;
  to: string[];
  subject?: string;
  text: string;
  tags: Record<string, string>;
}

async function mailOf(code: string): Promise<Mail[]> {
  const res = await fetch(`${cloud.baseUrl}/_local/mail?dossier=${encodeURIComponent(code)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { count: number; messages: Mail[] };
  expect(body.count).toBe(body.messages.length);
  return body.messages;
}

async function receive(notify: Record<string, boolean> | undefined, email: string | undefined = EMAIL) {
  const res = await api.post('/v1/dossiers', {
    ...as('tiepnhan.binhthanh'),
    body: {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: {
        name: 'Nguyễn Thị Dung',
        idNumber: '001099000444',
        phone: PHONE,
        ...(email ? { email } : {}),
        address: 'Xã Bình Thành',
        ...(notify ? { notify } : {}),
      },
      request: 'Đăng ký khai sinh cho con',
      decision: { outcome: 'accept' },
    },
  });
  expect(res.status).toBe(201);
  return res.body as { code: string; appointmentAt: string };
}

const sqs = () =>
  new SQSClient({ endpoint: cloud.info.endpoints.sqs, region: REGION, credentials: CREDENTIALS });
const QUEUE = localQueueName('notifications');

/** Waits until the notifications queue holds nothing, visible or in flight, twice in a row. */
async function queueDrained(within = 30_000): Promise<void> {
  const client = sqs();
  const deadline = Date.now() + within;
  let quiet = 0;
  try {
    while (quiet < 2) {
      const { Attributes = {} } = await client.send(
        new GetQueueAttributesCommand({
          QueueUrl: cloud.info.queues[QUEUE],
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      const left =
        Number(Attributes.ApproximateNumberOfMessages) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible);
      quiet = left === 0 ? quiet + 1 : 0;
      if (Date.now() > deadline) throw new Error(`notifications queue still holds ${left} message(s)`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    client.destroy();
  }
}

/** Polls the mailbox until `count` messages of the dossier are there (they arrive asynchronously). */
async function waitForMail(code: string, count: number, within = 30_000): Promise<Mail[]> {
  const deadline = Date.now() + within;
  for (;;) {
    const mail = await mailOf(code);
    if (mail.length >= count) return mail;
    if (Date.now() > deadline) throw new Error(`${mail.length} of ${count} messages for ${code}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The dossier's items of one kind (sort-key prefix), read from the table. */
async function itemsOf(code: string, prefix: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: cloud.info.endpoints.dynamodb, region: REGION, credentials: CREDENTIALS }),
  );
  try {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: cloud.info.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': `TENANT#${cloud.info.tenant}#DOSSIER#${code}`, ':p': prefix },
      }),
    );
    return Items;
  } finally {
    client.destroy();
  }
}

const subjects = (mail: Mail[]) => mail.filter((m) => m.channel === 'email').map((m) => m.subject);

beforeAll(async () => {
  cloud = await startCloudProcess({
    env: {
      MOTCUA_CLOCK_NOW: vn('2027-03-01T07:30:00'),
      MOTCUA_CLOCK_FROZEN: 'true',
      // A refused send comes back within seconds, not after the queue's 180 s visibility timeout.
      MOTCUA_LOCAL_SQS_MAX_DELAY_MS: '2000',
    },
  });
}, 90_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

describe('notifications (integration)', () => {
  let code: string;

  it('a dossier’s life sends exactly the expected notifications, once each', async () => {
    await setClock(vn('2027-03-01T07:30:00'));
    ({ code } = await receive({ email: true, sms: true }));
    const steps: Array<[string, string, Record<string, unknown>]> = [
      ['2027-03-01T07:50:00', 'tiepnhan.binhthanh', { action: 'forward' }],
      [
        '2027-03-01T08:00:00',
        'tiepnhan.binhthanh',
        {
          action: 'requestSupplement',
          reason: 'Giấy chứng sinh bị mờ',
          items: [{ document: 'Giấy chứng sinh', reason: 'Bản chụp bị mờ' }],
        },
      ],
      ['2027-03-01T09:00:00', 'tiepnhan.binhthanh', { action: 'receiveSupplement', note: 'Đã nhận đủ' }],
      ['2027-03-01T10:30:00', 'tiepnhan.binhthanh', { action: 'forward' }],
      [
        '2027-03-01T11:00:00',
        'lanhdao.binhthanh',
        { action: 'apologize', reason: 'Cần xác minh thêm', newAppointmentAt: vn('2027-03-02T10:00:00') },
      ],
      ['2027-03-01T11:05:00', 'lanhdao.binhthanh', { action: 'approve' }],
      ['2027-03-01T11:10:00', 'lanhdao.binhthanh', { action: 'sign' }],
      ['2027-03-01T11:15:00', 'lanhdao.binhthanh', { action: 'forward' }],
      ['2027-03-01T13:10:00', 'tiepnhan.binhthanh', { action: 'markResultReady', kind: 'paper' }],
      ['2027-03-01T13:20:00', 'tiepnhan.binhthanh', { action: 'returnResult', method: 'counter' }],
    ];
    for (const [at, user, action] of steps) {
      await setClock(vn(at));
      await actOk(user, code, action);
    }

    await waitForMail(code, 10);
    await queueDrained();
    const mail = await mailOf(code);
    expect(mail).toHaveLength(10);
    expect(subjects(mail).sort()).toEqual(
      [
        `Hồ sơ ${code} đã được tiếp nhận`,
        `Hồ sơ ${code} cần bổ sung`,
        `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
        `Hồ sơ ${code} đã có kết quả`,
        `Hồ sơ ${code} đã trả kết quả`,
      ].sort(),
    );
    const emails = mail.filter((m) => m.channel === 'email');
    for (const m of emails) {
      expect(m.to).toEqual([EMAIL]);
      // The sender's display name, decoded from its RFC 2047 word: the tenant's name.
      expect(m.from).toMatch(/^[^=]+ <thongbao@motcua\.local>$/);
      expect(m.tags).toMatchObject({ dossier: code, tenant: cloud.info.tenant });
    }
    const supplement = emails.find((m) => m.subject === `Hồ sơ ${code} cần bổ sung`) as Mail;
    expect(supplement.text).toContain(
      'Lý do: Giấy chứng sinh bị mờ\nGiấy tờ cần bổ sung:\n- Giấy chứng sinh: Bản chụp bị mờ',
    );
    expect(supplement.text).toContain(`${cloud.baseUrl}/v1/public/${cloud.info.tenant}/dossiers/${code}`);
    const apology = emails.find((m) => m.subject?.startsWith('Thư xin lỗi')) as Mail;
    expect(apology.text).toContain('Ngày hẹn trả kết quả mới: 10:00 ngày 02/03/2027.');

    const sms = mail.filter((m) => m.channel === 'sms');
    expect(sms).toHaveLength(5);
    for (const m of sms) {
      expect(m.to).toEqual(['+84903000444']);
      expect(m.text).toMatch(/^[\x20-\x7e]+$/);
      expect(m.tags['AWS.SNS.SMS.SMSType']).toBe('Transactional');
    }
    expect(sms.map((m) => m.text)).toEqual(
      expect.arrayContaining([expect.stringContaining(`Ho so ${code} da duoc tiep nhan ngay 01/03/2027.`)]),
    );
  }, 120_000);

  it('the control sheet records each message with the address masked, never in clear', async () => {
    const res = await api.get(`/v1/dossiers/${code}/history`, as('tiepnhan.binhthanh'));
    expect(res.status).toBe(200);
    const notifications = res.body.notifications as Array<{
      kind: string;
      channel: string;
      to: string;
      status: string;
      line: string;
    }>;
    expect(notifications).toHaveLength(10);
    expect(notifications.every((n) => n.status === 'sent')).toBe(true);
    expect(new Set(notifications.map((n) => `${n.kind}/${n.channel}`)).size).toBe(10);
    expect(notifications.map((n) => n.line)).toEqual(
      expect.arrayContaining([
        "Đã gửi thông báo 'Hồ sơ cần bổ sung' qua e-mail d***@example.vn",
        "Đã gửi thông báo 'Đã trả kết quả' qua SMS 09******44",
      ]),
    );
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('84903000444');
  });

  it('a redelivery of every event, twice at once, sends nothing again', async () => {
    const items = ((await itemsOf(code, 'OUTBOX#')) as unknown as OutboxItem[]).filter(
      (i) => i.type !== 'dossier.deadlines_changed',
    );
    expect(items.length).toBeGreaterThanOrEqual(10);
    const messages = items.map(toBusMessage);
    const client = sqs();
    try {
      const entries = messages.flatMap((m, n) =>
        [0, 1].map((copy) => ({ Id: `${n}-${copy}`, MessageBody: JSON.stringify(m) })),
      );
      for (let i = 0; i < entries.length; i += 10) {
        const { Failed = [] } = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: cloud.info.queues[QUEUE],
            Entries: entries.slice(i, i + 10),
          }),
        );
        expect(Failed).toEqual([]);
      }
    } finally {
      client.destroy();
    }
    await queueDrained();
    expect(await mailOf(code)).toHaveLength(10);
    const sheet = await api.get(`/v1/dossiers/${code}/history`, as('tiepnhan.binhthanh'));
    expect(sheet.body.notifications).toHaveLength(10);
  }, 60_000);

  it('no consent, no message; SMS consent only, SMS only', async () => {
    await setClock(vn('2027-03-02T08:00:00'));
    const none = await receive(undefined);
    const smsOnly = await receive({ sms: true, email: false });
    await waitForMail(smsOnly.code, 1);
    await queueDrained();
    expect(await mailOf(none.code)).toEqual([]);
    const sheet = await api.get(`/v1/dossiers/${none.code}/history`, as('tiepnhan.binhthanh'));
    expect(sheet.body.notifications).toEqual([]);
    const got = await mailOf(smsOnly.code);
    expect(got.map((m) => m.channel)).toEqual(['sms']);
  }, 60_000);

  it('a refused send is retried by the queue and sent once', async () => {
    const knob = await fetch(`${cloud.baseUrl}/_local/mail/failures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, channel: 'email' }),
    });
    expect(knob.status).toBe(200);
    await setClock(vn('2027-03-02T08:30:00'));
    const d = await receive({ email: true });
    const mail = await waitForMail(d.code, 1, 45_000);
    await queueDrained(45_000);
    expect(mail.map((m) => m.channel)).toEqual(['email']);
    expect(await mailOf(d.code)).toHaveLength(1);
    const sheet = await api.get(`/v1/dossiers/${d.code}/history`, as('tiepnhan.binhthanh'));
    expect(sheet.body.notifications).toMatchObject([{ kind: 'received', channel: 'email', status: 'sent' }]);
    // The first send was refused (recorded failed), the queue's redelivery sent it: two attempts.
    const [record] = await itemsOf(d.code, 'NOTIFY#');
    expect(record).toMatchObject({ status: 'sent', attempts: 2, toMasked: 'd***@example.vn' });
    expect(JSON.stringify(record)).not.toContain(EMAIL);
  }, 90_000);
});

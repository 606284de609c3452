/**
 * Issue 12 §1, §3, §5 through the real API, on a cloud of its own (it moves the clock): a handful
 * of land transfers — one returned on time and rated at the kiosk (a second rating is 409), one
 * refused, one with an apology still pending, one left past its appointment until the overdue alarm
 * fires and then resolved late — and the report API's figures for the year are exactly those,
 * with the identity. Every outbox event sent again to the reports queue changes no figure. A
 * counter tampered with in DynamoDB Local is reported by the drift check (the real tool, as a
 * child process), repaired by it, and found clean after.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { localQueueName } from '../../infra/local/sqs/queues';
import { toBusMessage, type OutboxItem } from '../../shared/usecases/dispatch-outbox';
import { cloudSteps } from './helpers/cloud-steps';
import { api, type ApiResponse } from './helpers/api';
import { REPO_ROOT, startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const REGION = 'ap-southeast-1';
const vn = (local: string) => `${local}+07:00`;

let cloud: CloudHandle;
const { as, setClock, act, actOk } = cloudSteps(() => cloud);

async function receive(at: string): Promise<{ code: string; appointmentAt: string }> {
  await setClock(at);
  const res = await api.post('/v1/dossiers', {
    ...as('tiepnhan.binhthanh'),
    body: {
      procedureCode: '1.004227',
      channel: 'counter',
      applicant: {
        name: 'Lê Thị Hoa',
        idNumber: '001077000444',
        phone: '0977000444',
        address: 'Xã Bình Thành',
      },
      request: 'Hồ sơ kiểm thử báo cáo',
      decision: { outcome: 'accept' },
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** The land transfer from the land office's specialist to the result, at the current clock. */
async function toResult(code: string, returnMethod: Record<string, unknown> = { method: 'counter' }) {
  await actOk('tiepnhan.binhthanh', code, { action: 'forward' });
  await actOk('chuyenvien.datdai', code, { action: 'forward' });
  await actOk('chuyenvien.thue', code, { action: 'forward' });
  await actOk('lanhdao.datdai', code, { action: 'approve' });
  await actOk('lanhdao.datdai', code, { action: 'sign' });
  await actOk('lanhdao.datdai', code, { action: 'forward' });
  await actOk('tiepnhan.binhthanh', code, { action: 'markResultReady', kind: 'paper' });
  return actOk('tiepnhan.binhthanh', code, { action: 'returnResult', ...returnMethod });
}

const yearReport = () =>
  api.get('/v1/reports?period=year&from=2027&to=2027', as('quantri')) as Promise<ApiResponse>;

/** The year's totals once they stop moving and match `expected` (the counters are asynchronous). */
async function waitForTotals(expected: Record<string, number>, within = 30_000) {
  const deadline = Date.now() + within;
  for (;;) {
    const res = await yearReport();
    expect(res.status).toBe(200);
    const totals = res.body.totals[0]?.figures ?? {};
    if (Object.entries(expected).every(([k, v]) => totals[k] === v)) return res.body;
    if (Date.now() > deadline) throw new Error(`report totals ${JSON.stringify(totals)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Whether the cloud's stdout holds a `DossiersOverdue` EMF line for the demo province (polled until `until`). */
async function overdueMetricLogged(until: number): Promise<boolean> {
  for (;;) {
    const lines = (await readFile(cloud.logFiles.stdout, 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith('{"_aws"'));
    const found = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .some((m) => m.Tenant === cloud.info.tenant && m.DossiersOverdue === 1);
    if (found || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

let doc: DynamoDBDocumentClient;
let sqs: SQSClient;

beforeAll(async () => {
  cloud = await startCloudProcess({ env: { MOTCUA_CLOCK_NOW: vn('2027-03-01T08:00:00') } });
  const endpoint = cloud.info.endpoints.dynamodb;
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: REGION, credentials: CREDENTIALS }),
  );
  sqs = new SQSClient({ endpoint: cloud.info.endpoints.sqs, region: REGION, credentials: CREDENTIALS });
}, 90_000);

afterAll(async () => {
  doc?.destroy();
  sqs?.destroy();
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

const EXPECTED = {
  carriedOver: 0,
  received: 4,
  receivedCounter: 4,
  resolvedEarly: 1,
  resolvedLate: 1,
  refused: 1,
  withdrawn: 0,
  pending: 1,
  pendingOverdue: 0,
  pendingWithinDeadline: 1,
  becameOverdue: 1,
  overdueClosed: 1,
  apologies: 1,
  returnedByPost: 1,
  evaluationsGood: 1,
};
const codes: string[] = [];

describe('reports through the API', () => {
  it('counts a handful of dossiers exactly, with the identity', async () => {
    // Returned by post the same day, early, and rated at the kiosk; a second rating is refused.
    const early = await receive(vn('2027-03-01T08:00:00'));
    codes.push(early.code);
    await setClock(vn('2027-03-01T09:00:00'));
    await toResult(early.code, { method: 'post', trackingNumber: 'EE123456789VN' });
    const rated = await actOk('tiepnhan.binhthanh', early.code, {
      action: 'evaluate',
      level: 'good',
      comment: 'Cán bộ nhiệt tình',
      scores: { staff: 5, result: 4 },
    });
    expect(rated.evaluation).toMatchObject({ level: 'good', via: 'kiosk', scores: { staff: 5, result: 4 } });
    const again = await act('tiepnhan.binhthanh', early.code, { action: 'evaluate', level: 'poor' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');

    const refused = await receive(vn('2027-03-01T10:00:00'));
    codes.push(refused.code);
    await actOk('lanhdao.binhthanh', refused.code, { action: 'refuse', reason: 'Không đủ điều kiện' });

    const apologized = await receive(vn('2027-03-01T10:30:00'));
    codes.push(apologized.code);
    await actOk('lanhdao.binhthanh', apologized.code, {
      action: 'apologize',
      reason: 'Cần xác minh thêm',
      newAppointmentAt: vn('2027-04-15T10:00:00'),
    });

    // Left past its appointment until the clock fires the overdue alarm, then resolved late.
    const late = await receive(vn('2027-03-01T11:00:00'));
    codes.push(late.code);
    const after = new Date(new Date(late.appointmentAt).getTime() + 3_600_000).toISOString();
    await setClock(after);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const sheet = await api.get(`/v1/dossiers/${late.code}/history`, as('tiepnhan.binhthanh'));
      if (sheet.body.alarms.some((a: { type: string }) => a.type === 'dossier.overdue')) break;
      if (Date.now() > deadline) throw new Error('no overdue alarm');
      await new Promise((r) => setTimeout(r, 300));
    }
    // The deadline check counted it for the operations view: an EMF line in the function's log.
    await expect(overdueMetricLogged(Date.now() + 5_000)).resolves.toBe(true);
    await toResult(late.code);

    const report = await waitForTotals(EXPECTED);
    for (const row of report.items) {
      const f = row.figures;
      expect(f.resolvedEarly + f.resolvedOnTime + f.resolvedLate + f.refused + f.withdrawn + f.pending).toBe(
        f.carriedOver + f.received,
      );
    }
    expect(report.readUnits).toBeGreaterThan(0);
    // A leader sees their own agency only.
    const other = await api.get(
      '/v1/reports?period=year&from=2027&to=2027&agency=000.08.21.H99',
      as('lanhdao.binhthanh'),
    );
    expect(other.status).toBe(403);
  }, 120_000);

  it('sending every event of these dossiers to the reports queue again changes no figure', async () => {
    const before = (await yearReport()).body;
    const queueUrl = cloud.info.queues[localQueueName('reports')];
    let sent = 0;
    for (const code of codes) {
      const page = await doc.send(
        new QueryCommand({
          TableName: cloud.info.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :o)',
          ExpressionAttributeValues: {
            ':pk': `TENANT#${cloud.info.tenant}#DOSSIER#${code}`,
            ':o': 'OUTBOX#',
          },
        }),
      );
      for (const item of page.Items ?? []) {
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: queueUrl,
            MessageBody: JSON.stringify(toBusMessage(item as OutboxItem)),
          }),
        );
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(30);
    // Drained: nothing visible or in flight any more.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { Attributes: a = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
      );
      if (a.ApproximateNumberOfMessages === '0' && a.ApproximateNumberOfMessagesNotVisible === '0') break;
      if (Date.now() > deadline) throw new Error(`reports queue not drained: ${JSON.stringify(a)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect((await yearReport()).body.items).toEqual(before.items);
  }, 60_000);

  it('the drift check reports a tampered counter, repairs it, and is clean after', async () => {
    const pk = `TENANT#${cloud.info.tenant}#REPORT#year`;
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: cloud.info.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    );
    const target = Items.find((i) => i.received === 4);
    expect(target).toBeDefined();
    await doc.send(
      new UpdateCommand({
        TableName: cloud.info.tableName,
        Key: { PK: pk, SK: target!.SK },
        UpdateExpression: 'ADD received :five',
        ExpressionAttributeValues: { ':five': 5 },
      }),
    );
    const env = {
      ...process.env,
      AWS_ENDPOINT_URL_DYNAMODB: cloud.info.endpoints.dynamodb,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      TABLE_NAME: cloud.info.tableName,
    };
    const run = (...args: string[]) =>
      promisify(execFile)(
        `${REPO_ROOT}/node_modules/.bin/tsx`,
        ['tools/reports-rebuild.ts', '--tenant', cloud.info.tenant, ...args],
        { cwd: REPO_ROOT, env, timeout: 60_000 },
      ).then(
        (r) => ({
          code: 0,
          lines: r.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l)),
        }),
        (e: { code: number; stdout: string }) => ({
          code: e.code,
          lines: e.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l)),
        }),
      );
    const check = await run('--check');
    expect(check.code).toBe(1);
    expect(check.lines.slice(0, -1)).toEqual([
      {
        level: 'year',
        period: '2027',
        cell: expect.any(String),
        figure: 'received',
        stored: 9,
        recomputed: 4,
      },
    ]);
    const repair = await run();
    expect(repair.lines.at(-1)).toMatchObject({ differences: 1, repaired: 1 });
    const clean = await run('--check');
    expect([clean.code, clean.lines.at(-1).differences]).toEqual([0, 0]);
    expect((await yearReport()).body.totals[0].figures).toMatchObject(EXPECTED);
  }, 120_000);
});

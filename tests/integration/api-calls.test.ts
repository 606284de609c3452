/**
 * API calls per tenant and month, counted from the offline gateway's access log through the same
 * subscriber function as in AWS (docs/usage.md): a tenant's staff calls and the public calls naming
 * it show in its month, split by caller, with the 4xx apart; another tenant's month does not move;
 * the operator's own calls count for nobody. The counter runs in batches every few seconds: the
 * test polls, bounded. Reads go through the operator's route, whose calls are not counted.
 */
import type { CloudWatchLogsDecodedData } from 'aws-lambda';
import { encodeLogBatch } from '../../infra/local/logs/subscription';
import { accessLogLine } from '../../infra/local/access-log';
import { api } from './helpers/api';

const month = () => {
  const vn = new Date(Date.now() + 7 * 3600_000);
  return `${vn.getUTCFullYear()}-${String(vn.getUTCMonth() + 1).padStart(2, '0')}`;
};
const OTHER = { provinceCode: 'H94', id: 'h94' };

const usageOf = async (tenant: string) => {
  const res = await api.get(`/v1/operator/tenants/${tenant}/usage?month=${month()}`, { as: 'operator' });
  expect(res.status).toBe(200);
  return res.body;
};

async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, within = 30_000): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  const created = await api.post('/v1/operator/tenants', {
    as: 'operator',
    body: {
      provinceCode: OTHER.provinceCode,
      name: 'Tỉnh Đếm Lượt Gọi',
      contact: { name: 'Văn phòng UBND', email: 'vp@h94.example.vn' },
      admin: { email: 'quantri@h94.example.vn' },
    },
  });
  expect(created.status).toBe(201);
}, 60_000);

describe('API calls per tenant and month (integration)', () => {
  it('counts a tenant’s staff and public calls from the access log, and not another tenant’s', async () => {
    const tenant = 'demo';
    const before = await usageOf(tenant);
    const otherBefore = await usageOf(OTHER.id);
    expect(typeof before.apiCalls).toBe('number');

    const STAFF = 4;
    const PUBLIC = 3;
    for (let i = 0; i < STAFF; i += 1)
      expect((await api.get('/v1/work-queue', { as: 'tiepnhan.binhthanh' })).status).toBe(200);
    for (let i = 0; i < PUBLIC; i += 1)
      expect((await api.get(`/v1/public/${tenant}/agencies`)).status).toBe(200);
    // A refused call is a call too, counted apart.
    const refused = await api.get('/v1/dossiers/KHONGCO', { as: 'tiepnhan.binhthanh' });
    expect(refused.status).toBe(400);

    const after = await eventually(
      () => usageOf(tenant),
      (u) =>
        u.apiCallsDetail.staff >= before.apiCallsDetail.staff + STAFF + 1 &&
        u.apiCallsDetail.public >= before.apiCallsDetail.public + PUBLIC,
    );
    // Other tests use the demo tenant at the same time: at least ours.
    expect(after.apiCalls).toBeGreaterThanOrEqual(before.apiCalls + STAFF + PUBLIC + 1);
    expect(after.apiCallsDetail.clientErrors).toBeGreaterThanOrEqual(before.apiCallsDetail.clientErrors + 1);
    expect(after.apiCalls).toBe(
      after.apiCallsDetail.public + after.apiCallsDetail.staff + after.apiCallsDetail.agencySystem,
    );

    // Nobody called as or for the other tenant; the operator's reads of it count for nobody.
    expect(await usageOf(OTHER.id)).toEqual(otherBefore);
    expect(otherBefore.apiCalls).toBe(0);
  }, 60_000);

  it('counts a batch CloudWatch Logs delivers twice once', async () => {
    const before = await usageOf(OTHER.id);
    // The subscriber's handler, in this process, against the cloud's table: as Lambda runs it.
    const info = JSON.parse(process.env.MOTCUA_CLOUD ?? '{}') as {
      endpoints: { dynamodb: string };
      tableName: string;
    };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: info.endpoints.dynamodb,
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: info.tableName,
    });
    const { handler } = await import('../../functions/usage/count-api-calls');
    const now = new Date();
    const line = (i: number, path: string, claims?: Record<string, string>) => ({
      id: `${now.getTime()}0000${i}`,
      timestamp: now.getTime(),
      message: accessLogLine({
        requestId: `r${i}`,
        receivedAt: now,
        sourceIp: '127.0.0.1',
        method: 'GET',
        path,
        routeKey: `GET ${path.replace(OTHER.id, '{tenant}')}`,
        status: 200,
        protocol: 'HTTP/1.1',
        responseLength: 2,
        latencyMs: 1,
        claims,
      }),
    });
    const batch: CloudWatchLogsDecodedData = {
      owner: '000000000000',
      logGroup: '/aws/apigateway/mot-cua/access',
      logStream: 'test',
      subscriptionFilters: ['countApiCalls'],
      messageType: 'DATA_MESSAGE',
      logEvents: [
        line(1, '/v1/work-queue', { sub: 'x', 'custom:tenant': OTHER.id }),
        line(2, `/v1/public/${OTHER.id}/agencies`),
        line(3, `/v1/public/${OTHER.id}/procedures`),
      ],
    };
    const invoke = () => handler(encodeLogBatch(batch), { awsRequestId: 'test' } as never, {} as never);
    await invoke();
    await invoke();
    const after = await usageOf(OTHER.id);
    expect(after.apiCalls).toBe(before.apiCalls + 3);
    expect(after.apiCallsDetail).toEqual({
      ...before.apiCallsDetail,
      staff: before.apiCallsDetail.staff + 1,
      public: before.apiCallsDetail.public + 2,
    });
  });

  it('shows this month’s usage of each tenant in the operator’s tenant list', async () => {
    const list = await api.get('/v1/operator/tenants?limit=100', { as: 'operator' });
    expect(list.status).toBe(200);
    const entry = (id: string) => list.body.items.find((t: { id: string }) => t.id === id);
    const other = await usageOf(OTHER.id);
    // Nobody else touches the other tenant: the list says what its usage route says.
    expect(entry(OTHER.id).usage).toEqual({
      month: month(),
      dossiersReceived: other.dossiersReceived.total,
      actions: other.actions,
      apiCalls: other.apiCalls,
      attachmentsGbMonths: other.attachments.gbMonths,
    });
    expect(other.apiCalls).toBeGreaterThan(0);
    // The demo tenant moves with the other tests: the list, read first, shows no more than the
    // usage route read after it, and the demo's dossiers and calls of this run.
    const demo = await usageOf('demo');
    const listed = entry('demo').usage;
    expect(listed.month).toBe(month());
    expect(listed.dossiersReceived).toBeLessThanOrEqual(demo.dossiersReceived.total);
    expect(listed.actions).toBeLessThanOrEqual(demo.actions);
    expect(listed.apiCalls).toBeGreaterThan(0);
    expect(listed.apiCalls).toBeLessThanOrEqual(demo.apiCalls);
    expect(listed.attachmentsGbMonths).toBeLessThanOrEqual(demo.attachments.gbMonths);
  });
});

/**
 * Fair share through HTTP (docs/fair-share.md), on a cloud of its own with small limits: one
 * token per 5 s, bursts of 3, for every tenant's signed-in callers and for each public client.
 * - Tenant A past its limit gets 429 problem+json with Retry-After while tenant B, in the same
 *   moment, is served.
 * - Public tracking from one address gets 429 while another address is still served. The two
 *   clients are two real socket addresses (127.0.0.1 and 127.0.0.2, both loopback): the offline
 *   gateway fills `requestContext.http.sourceIp` from the socket, as API Gateway does from the
 *   connection, so no header a client could send in AWS decides who it is.
 * - After the Retry-After it was given, a refused client is served again.
 * Every answer is checked against the documented contract, the 429s included.
 */
import http from 'node:http';
import { api, type ApiResponse } from './helpers/api';
import { assertContract } from './helpers/contract';
import { LAND_TRANSFER_APPLICANT, acceptedLandTransfer } from './helpers/dossiers';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';

const LIMIT = { ratePerSecond: 0.2, burst: 3 };
const BURST = LIMIT.burst;
let cloud: CloudHandle;

beforeAll(async () => {
  cloud = await startCloudProcess({
    env: { FAIR_SHARE_LIMITS: JSON.stringify({ standard: LIMIT, publicClient: LIMIT }) },
  });
}, 120_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

/** A tenant admin of `tenant` (no registry record: the standard plan), signed by this cloud's issuer. */
const adminOf = (tenant: string) =>
  signWithIssuerKey(claimsLike(cloud.tokens.quantri!, { 'custom:tenant': tenant }), cloud.dataDir);

/** GET from a chosen local address: the client the gateway sees is the socket's. */
function getFrom(
  localAddress: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const url = new URL(path, cloud.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        localAddress,
        agent: false,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = res.headers['content-type'] ?? '';
          const body = /json/.test(contentType) && text !== '' ? JSON.parse(text) : text;
          try {
            assertContract({ method: 'GET', path, status: res.statusCode ?? 0, contentType, body });
          } catch (error) {
            reject(error);
            return;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string>,
            body,
          });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`GET ${path} from ${localAddress}: timed out`)));
  });
}

function expectRateLimited(res: ApiResponse): number {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(1 / LIMIT.ratePerSecond);
  expect(res.body).toMatchObject({
    type: expect.stringMatching(/\/rate-limited$/),
    status: 429,
    retryAfter,
    title: expect.stringMatching(/Quá nhiều yêu cầu.*Too many requests/),
  });
  return retryAfter;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fair share (integration, its own cloud with small limits)', () => {
  it('refuses tenant A past its limit with 429 + Retry-After while tenant B is served in the same moment; A is served again after the wait', async () => {
    const [a, b] = await Promise.all([adminOf('tinh-a'), adminOf('tinh-b')]);
    const list = (token: string) => api.get('/v1/webhooks/subscriptions', { baseUrl: cloud.baseUrl, token });
    // A's burst and more, all at once, with B's requests among them.
    const [fromA, fromB] = await Promise.all([
      Promise.all(Array.from({ length: BURST + 3 }, () => list(a))),
      Promise.all(Array.from({ length: BURST }, () => list(b))),
    ]);
    expect(fromB.map((r) => r.status)).toEqual(Array(BURST).fill(200));
    expect(fromA.filter((r) => r.status === 200)).toHaveLength(BURST);
    const refused = fromA.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(3);
    const waits = refused.map(expectRateLimited);
    expect(refused[0]!.body.detail).toMatch(/tinh-a/);

    // Still refused before the wait; served after it.
    expectRateLimited(await list(a));
    await sleep(Math.max(...waits) * 1000 + 200);
    expect((await list(a)).status).toBe(200);
  }, 60_000);

  it('limits public tracking per client address: 127.0.0.1 is refused while 127.0.0.2 is served', async () => {
    const { code } = await acceptedLandTransfer({
      baseUrl: cloud.baseUrl,
      token: cloud.tokens['tiepnhan.binhthanh'],
    });
    const path = `/v1/public/${cloud.info.tenant}/dossiers/${code}`;
    const first = [];
    for (let i = 0; i < BURST; i += 1) first.push(await getFrom('127.0.0.1', path));
    expect(first.map((r) => r.status)).toEqual(Array(BURST).fill(200));
    const wait = expectRateLimited(await getFrom('127.0.0.1', path));
    expect((await getFrom('127.0.0.1', path)).body.detail).toMatch(/địa chỉ của bạn.*your address/);

    const other = await getFrom('127.0.0.2', path);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ code });
    // The staff of the tenant still have their own bucket: the public's use is not theirs.
    const staff = await api.get(`/v1/dossiers/${code}`, {
      baseUrl: cloud.baseUrl,
      token: cloud.tokens['tiepnhan.binhthanh'],
    });
    expect(staff.status).toBe(200);

    await sleep(wait * 1000 + 200);
    expect((await getFrom('127.0.0.1', path)).status).toBe(200);
  }, 60_000);

  it('makes walking consecutive tracking codes useless: nothing personal in any view, 429 past the limit, the secret needed for more', async () => {
    // Issue 11 §7: codes follow the statutory format <agency>-<YYMMDD>-<NNNN>, so they cannot be
    // random; a walker gets the minimal public view a few times, then 429 (a fresh client address).
    const submit = () =>
      api.post('/v1/dossiers', {
        baseUrl: cloud.baseUrl,
        token: cloud.tokens['tiepnhan.binhthanh'],
        body: {
          procedureCode: '1.004227',
          channel: 'counter',
          applicant: LAND_TRANSFER_APPLICANT,
          request: 'Đăng ký biến động do chuyển nhượng',
          decision: { outcome: 'accept' },
        },
      });
    let made = await submit();
    if (made.status === 429) {
      // The tenant's own small bucket (other tests of this file used it): wait as told.
      await sleep(Number(made.headers['retry-after']) * 1000 + 200);
      made = await submit();
    }
    expect(made.status).toBe(201);
    const prefix = String(made.body.code).slice(0, -4);
    const codeAt = (n: number) => `${prefix}${String(n).padStart(4, '0')}`;
    const walked: ApiResponse[] = [];
    for (let n = 1; n <= BURST + 2; n += 1)
      walked.push(await getFrom('127.0.0.3', `/v1/public/${cloud.info.tenant}/dossiers/${codeAt(n)}`));
    const served = walked.slice(0, BURST);
    expect(served.every((r) => r.status === 200 || r.status === 404)).toBe(true);
    expect(served.some((r) => r.status === 200)).toBe(true);
    for (const r of served) {
      const text = JSON.stringify(r.body);
      for (const personal of [
        LAND_TRANSFER_APPLICANT.name,
        LAND_TRANSFER_APPLICANT.idNumber,
        LAND_TRANSFER_APPLICANT.phone,
        LAND_TRANSFER_APPLICANT.address,
        String(made.body.receiptSecret),
      ])
        expect(text).not.toContain(personal);
    }
    for (const r of walked.slice(BURST)) expectRateLimited(r);

    // More than the public view needs the receipt secret: a guess is the 404 of an unknown code,
    // and guessing is held to the same per-client limit (another fresh address).
    const guesses: ApiResponse[] = [];
    for (let i = 0; i <= BURST; i += 1)
      guesses.push(
        await getFrom('127.0.0.4', `/v1/public/${cloud.info.tenant}/dossiers/${made.body.code}/status`, {
          'x-receipt-secret': `ZZZZZ-ZZZZ${i}`,
        }),
      );
    expect(guesses.slice(0, BURST).map((r) => r.status)).toEqual(Array(BURST).fill(404));
    expectRateLimited(guesses[BURST]!);
  }, 60_000);

  it('answers a browser that was refused with an HTML page and Retry-After', async () => {
    const path = `/v1/public/${cloud.info.tenant}/procedures`;
    const page = () =>
      fetch(`${cloud.baseUrl}${path}`, { headers: { accept: 'text/html' } }).then(async (r) => ({
        status: r.status,
        retryAfter: r.headers.get('retry-after'),
        type: r.headers.get('content-type') ?? '',
        text: await r.text(),
      }));
    // 127.0.0.1's bucket was just used by the tracking test; drain what is left, then one more.
    let last;
    for (let i = 0; i <= BURST; i += 1) last = await page();
    expect(last!.status).toBe(429);
    expect(last!.type).toMatch(/^text\/html/);
    expect(Number(last!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(last!.text).toMatch(/Quá nhiều yêu cầu/);
  }, 30_000);
});

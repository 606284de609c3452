/**
 * The offline cloud itself: route matching, the payload-2.0 events and Lambda answers of the
 * offline gateway, its JWT authorizer, the /_local/ endpoints, and restart safety. Route handlers
 * are other tests' business; only GET /v1/openapi.json and the $default route are relied on here.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  SignJWT,
  createLocalJWKSet,
  decodeJwt,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
  type KeyLike,
} from 'jose';
import { ON_THE_SPOT, measureLife } from '../../bench/cost';
import { ROUTES, type RouteDef } from '../../shared/api/routes';
import { CLAIMS } from '../../shared/platform/claims';
import { startGateway, type RunningGateway } from '../../infra/local/gateway';
import { createLocalIssuer } from '../../infra/local/jwt-issuer';
import { defaultProvinceFile, loadProvince } from '../../infra/local/province';
import { createRouteMatcher } from '../../infra/local/route-match';
import { api, newCitizenToken, newStaffToken, servesOtherRoutes, tokenFor } from './helpers/api';
import {
  REPO_ROOT,
  sharedCloud,
  startCloudProcess,
  stopCloudProcess,
  type CloudHandle,
} from './helpers/offline';

const UNAUTHORIZED = { message: 'Unauthorized' };
const INTERNAL_ERROR = { message: 'Internal Server Error' };
/** A user route whose handler we do not depend on: only whether the authorizer let us through. */
const USER_ROUTE = '/v1/dossiers/000.00.01.H99-260101-0001';

describe('infra/local/route-match', () => {
  describe('createRouteMatcher', () => {
    const matcher = createRouteMatcher(ROUTES);

    it('picks the route and URL-decodes its path parameters when method and template match', () => {
      const match = matcher.match('POST', '/v1/dossiers/A%2FB/attachments/x%20y/confirm');
      expect(match?.route.id).toBe('confirmAttachment');
      expect(match?.routeKey).toBe('POST /v1/dossiers/{code}/attachments/{id}/confirm');
      expect(match?.pathParameters).toEqual({ code: 'A/B', id: 'x y' });
    });

    it('sends the request to $default when the method or the path matches no route', () => {
      expect(matcher.match('DELETE', '/v1/dossiers/X')?.routeKey).toBe('$default');
      expect(matcher.match('GET', '/v1/dossiers/X/')?.routeKey).toBe('$default');
      expect(matcher.match('GET', '/v1/nothing')?.pathParameters).toBeUndefined();
    });

    it('prefers a literal segment over a parameter, and a parameter over a greedy one, when several match', () => {
      const route = (id: string, p: string): RouteDef => ({
        id,
        method: 'GET',
        path: p,
        entry: 'x.ts',
        auth: 'public',
        action: 'public',
        access: {},
        summary: id,
        tags: [],
        responses: {},
      });
      const m = createRouteMatcher([
        route('greedy', '/a/{rest+}'),
        route('param', '/a/{x}'),
        route('literal', '/a/b'),
      ]);
      expect(m.match('GET', '/a/b')?.route.id).toBe('literal');
      expect(m.match('GET', '/a/c')?.route.id).toBe('param');
      expect(m.match('GET', '/a/c/d')).toMatchObject({
        route: { id: 'greedy' },
        pathParameters: { rest: 'c/d' },
      });
      expect(m.match('GET', '/z')).toBeUndefined();
    });
  });
});

describe('infra/local/gateway', () => {
  describe('startGateway (in-process, with an echo handler)', () => {
    const echo = (over: Partial<RouteDef> & Pick<RouteDef, 'id' | 'path'>): RouteDef => ({
      method: 'POST',
      entry: 'tests/integration/helpers/echo-handler.ts',
      auth: 'public',
      action: 'public',
      access: {},
      summary: over.id,
      tags: ['test'],
      responses: {},
      ...over,
    });
    const routes: RouteDef[] = [
      echo({ id: 'echoUser', path: '/echo/{id}', auth: 'user' }),
      echo({ id: 'echoPublic', path: '/public/echo' }),
      echo({
        id: 'missingHandler',
        method: 'GET',
        path: '/missing',
        entry: 'tests/integration/helpers/no-such-handler.ts',
      }),
      echo({ id: 'fallback', method: 'GET', path: '$default' }),
    ];
    let gateway: RunningGateway;
    let keyDir: string;
    let url: string;

    beforeAll(async () => {
      keyDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-gateway-test-'));
      const province = await loadProvince(defaultProvinceFile());
      gateway = await startGateway({
        routes,
        repoRoot: REPO_ROOT,
        province,
        host: '127.0.0.1',
        port: 0,
        quiet: true,
        createIssuer: (baseUrl) => createLocalIssuer({ keyDir, issuerUrl: `${baseUrl}/_local` }),
      });
      url = gateway.baseUrl;
      // Its routes are the echo table above, which documents nothing.
      servesOtherRoutes(url);
    });

    afterAll(async () => {
      await gateway?.stop();
      await rm(keyDir, { recursive: true, force: true });
    });

    it('builds a payload-2.0 event with path, query, cookies, headers and JWT claims when a user route has a valid token', async () => {
      const token = await newStaffToken('tiepnhan.binhthanh', { baseUrl: url });
      const response = await api.post('/echo/h%E1%BB%93%20s%C6%A1?tag=a&tag=b&q=x%20y', {
        baseUrl: url,
        token,
        body: { hello: 'xin chào' },
        headers: { cookie: 'a=1; b=2', 'X-Custom': 'One', 'user-agent': 'jest-test' },
      });

      expect(response.status).toBe(201);
      const { event, context } = response.body;
      expect(event).toMatchObject({
        version: '2.0',
        routeKey: 'POST /echo/{id}',
        rawPath: '/echo/h%E1%BB%93%20s%C6%A1',
        rawQueryString: 'tag=a&tag=b&q=x%20y',
        cookies: ['a=1', 'b=2'],
        queryStringParameters: { tag: 'a,b', q: 'x y' },
        pathParameters: { id: 'hồ sơ' },
        body: '{"hello":"xin chào"}',
        isBase64Encoded: false,
        requestContext: {
          accountId: expect.stringMatching(/^\d{12}$/),
          apiId: expect.any(String),
          domainName: expect.stringContaining('127.0.0.1'),
          http: {
            method: 'POST',
            path: '/echo/h%E1%BB%93%20s%C6%A1',
            protocol: 'HTTP/1.1',
            sourceIp: '127.0.0.1',
            userAgent: 'jest-test',
          },
          requestId: response.headers['apigw-requestid'],
          routeKey: 'POST /echo/{id}',
          stage: '$default',
          time: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
          timeEpoch: expect.any(Number),
          authorizer: {
            jwt: {
              claims: {
                [CLAIMS.username]: 'tiepnhan.binhthanh',
                [CLAIMS.tenant]: 'demo',
                [CLAIMS.agency]: '000.30.01.H99',
                [CLAIMS.roles]: 'reception,specialist',
                token_use: 'id',
                // API Gateway hands every claim over as a string.
                exp: expect.stringMatching(/^\d+$/),
              },
              scopes: null,
            },
          },
        },
      });
      expect(event.headers).toMatchObject({
        'x-custom': 'One',
        'content-type': 'application/json',
        'x-forwarded-proto': 'http',
      });
      expect(event.headers.cookie).toBeUndefined();
      expect(context).toMatchObject({
        functionName: 'echoUser',
        awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(context.remainingMs).toBeGreaterThan(20_000);
    });

    it('gives every request its own requestId', async () => {
      const [a, b] = await Promise.all([
        api.post('/public/echo', { baseUrl: url }),
        api.post('/public/echo', { baseUrl: url }),
      ]);
      expect(a.body.event.requestContext.requestId).not.toBe(b.body.event.requestContext.requestId);
      expect(a.body.event.requestContext.authorizer).toBeUndefined();
      expect(a.body.event.body).toBeUndefined();
    });

    it('passes a binary body base64-encoded with isBase64Encoded when the content type is not text', async () => {
      const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
      const response = await api.post('/public/echo', {
        baseUrl: url,
        rawBody: bytes,
        headers: { 'content-type': 'application/pdf' },
      });
      expect(response.body.event).toMatchObject({
        isBase64Encoded: true,
        body: Buffer.from(bytes).toString('base64'),
      });
    });

    it('writes status, headers and one set-cookie per cookie when the handler returns a structured result', async () => {
      const response = await fetch(`${url}/public/echo`, { method: 'POST' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-echo')).toBe('yes');
      expect(response.headers.getSetCookie()).toEqual(['session=abc; HttpOnly', 'theme=dark']);
    });

    it('decodes the body when the handler answers isBase64Encoded', async () => {
      const response = await fetch(`${url}/public/echo`, {
        method: 'POST',
        headers: { 'x-echo-mode': 'binary' },
      });
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
    });

    it('answers 200 JSON with the whole value as body when the handler returns no statusCode', async () => {
      const response = await api.post('/public/echo', { baseUrl: url, headers: { 'x-echo-mode': 'bare' } });
      expect(response).toMatchObject({ status: 200, body: { answer: 42 } });
      expect(response.headers['content-type']).toBe('application/json');
    });

    it.each([
      ['the handler throws', 'POST', '/public/echo', 'throw'],
      ['the handler returns a malformed answer', 'POST', '/public/echo', 'bad-status'],
      ['the handler returns a header that cannot be sent', 'POST', '/public/echo', 'bad-header'],
      ["the route's handler module does not exist", 'GET', '/missing', undefined],
    ])('answers 500 {"message":"Internal Server Error"} when %s', async (_case, method, route, mode) => {
      const response = await api[method === 'GET' ? 'get' : 'post'](route, {
        baseUrl: url,
        headers: mode ? { 'x-echo-mode': mode } : {},
      });
      expect(response).toMatchObject({ status: 500, body: INTERNAL_ERROR });
    });

    it('routes unknown paths to $default with routeKey $default', async () => {
      const response = await api.get('/no/such/thing', { baseUrl: url });
      expect(response.body.event).toMatchObject({ routeKey: '$default', rawPath: '/no/such/thing' });
      expect(response.body.event.pathParameters).toBeUndefined();
    });

    it('answers 413 without calling the handler when the body is over 10 MB', async () => {
      const response = await api.post('/public/echo', {
        baseUrl: url,
        rawBody: new Uint8Array(10 * 1024 * 1024 + 1),
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(response).toMatchObject({ status: 413, body: { message: 'Request Entity Too Large' } });
    });

    it("moves the handlers' clock when /_local/clock is posted, and puts it back on DELETE", async () => {
      try {
        const set = await api.post('/_local/clock', {
          baseUrl: url,
          body: { now: '2027-02-05T02:00:00.000Z' },
        });
        expect(set.status).toBe(200);
        const seen = await api.post('/public/echo', { baseUrl: url });
        expect(Date.parse(seen.body.domainNow) - Date.parse('2027-02-05T02:00:00.000Z')).toBeLessThan(5_000);

        const advanced = await api.post('/_local/clock', { baseUrl: url, body: { advanceMs: 86_400_000 } });
        expect(Date.parse(advanced.body.now) - Date.parse('2027-02-06T02:00:00.000Z')).toBeLessThan(5_000);
      } finally {
        const reset = await api.delete('/_local/clock', { baseUrl: url });
        expect(Math.abs(reset.body.offsetMs)).toBeLessThan(1_000);
      }
    });
  });

  describe('JWT authorizer (shared cloud over HTTP)', () => {
    it('answers 401 {"message":"Unauthorized"} when a user route is called without a token', async () => {
      const response = await api.get(USER_ROUTE);
      expect(response).toMatchObject({ status: 401, body: UNAUTHORIZED });
      expect(response.headers['content-type']).toBe('application/json');
    });

    it('answers 401 when the token is signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const genuine = decodeJwt(tokenFor('citizen'));
      const forged = await new SignJWT({ ...genuine })
        .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
        .sign(privateKey);
      const response = await api.get(USER_ROUTE, { token: forged });
      expect(response).toMatchObject({ status: 401, body: UNAUTHORIZED });
    });

    it('answers 401 with error="invalid_token" when the token has expired', async () => {
      const stored = JSON.parse(
        await readFile(path.join(sharedCloud().dataDir, 'jwt', 'signing-key.json'), 'utf8'),
      ) as {
        privateJwk: JWK;
      };
      const key = (await importJWK(stored.privateJwk, 'RS256')) as KeyLike;
      const genuine = decodeJwt(tokenFor('citizen'));
      const expired = await new SignJWT({ ...genuine, iat: 1_700_000_000, exp: 1_700_003_600 })
        .setProtectedHeader({ alg: 'RS256', kid: stored.privateJwk.kid })
        .sign(key);
      const response = await api.get(USER_ROUTE, { token: expired });
      expect(response).toMatchObject({ status: 401, body: UNAUTHORIZED });
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    });

    it('lets a citizen token from /_local/tokens through to the handler', async () => {
      const token = await newCitizenToken('079203000123', 'Lê Thị Hoa');
      const response = await api.get(USER_ROUTE, { token });
      expect(response.status).not.toBe(401);
      expect(response.body).not.toEqual(UNAUTHORIZED);
    });

    it('accepts the demo tokens printed at start, with or without the Bearer prefix', async () => {
      const response = await api.get(USER_ROUTE, { headers: { authorization: tokenFor('tiepnhan.tinh') } });
      expect(response.status).not.toBe(401);
    });
  });

  describe('/_local/ endpoints (shared cloud over HTTP)', () => {
    it('issues an ID token with the Cognito claim names when asked for a demo staff member', async () => {
      const response = await api.post('/_local/tokens', { body: { username: 'chuyenvien.tuphap' } });
      expect(response.status).toBe(200);
      const claims = decodeJwt(response.body.token);
      expect(claims).toMatchObject({
        [CLAIMS.username]: 'chuyenvien.tuphap',
        [CLAIMS.tenant]: 'demo',
        [CLAIMS.agency]: '000.05.20.H99',
        [CLAIMS.roles]: 'specialist',
        token_use: 'id',
        aud: expect.any(String),
        iss: `${sharedCloud().baseUrl}/_local`,
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(12 * 3600);
    });

    it('issues a citizen token without an agency, with role citizen', async () => {
      const claims = decodeJwt(await newCitizenToken('001099000001', 'Trần Thị Bình'));
      expect(claims).toMatchObject({
        [CLAIMS.username]: '001099000001',
        [CLAIMS.name]: 'Trần Thị Bình',
        [CLAIMS.roles]: 'citizen',
      });
      expect(claims[CLAIMS.agency]).toBeUndefined();
    });

    it('answers 404 when the username is not a demo staff member', async () => {
      const response = await api.post('/_local/tokens', { body: { username: 'nobody' } });
      expect(response.status).toBe(404);
    });

    it('publishes the JWKS that verifies the tokens', async () => {
      const jwks = await api.get('/_local/jwks.json');
      const { payload } = await jwtVerify(tokenFor('quantri'), createLocalJWKSet(jwks.body));
      expect(payload[CLAIMS.roles]).toBe('tenantAdmin');
    });
  });

  describe('routes from the table (shared cloud over HTTP)', () => {
    it('serves the OpenAPI document on GET /v1/openapi.json', async () => {
      const response = await api.get('/v1/openapi.json');
      expect(response.status).toBe(200);
      expect(response.body.openapi).toMatch(/^3\.1/);
    });

    it('answers 404 problem+json from the $default route when no route matches', async () => {
      const response = await api.get('/v1/no-such-route');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });
  });
});

describe('infra/local/start', () => {
  describe('startCloudProcess on its own data dir', () => {
    let cloud: CloudHandle;

    beforeAll(async () => {
      cloud = await startCloudProcess();
    }, 90_000);

    afterAll(async () => {
      if (cloud) await stopCloudProcess(cloud, { removeData: true });
    });

    // First on this cloud, before its clock moves: the meter counts every call the cloud serves, so
    // the shared one (other files call it at the same time) would move it. Was cost-meter.test.ts,
    // on a cloud of its own started for this one test.
    describe('the cost model meter (integration)', () => {
      // The cost model's counts come from the run (issue 10 §4): one on-the-spot dossier's life,
      // read from GET /_local/meter through the bench's own code (bench/cost.ts).
      it('counts the DynamoDB units, requests and transitions of one dossier life, each unit answered by DynamoDB', async () => {
        const life = await measureLife(cloud, ON_THE_SPOT);
        const { dynamodb } = life.snapshot;
        // Units are what DynamoDB Local answered in ConsumedCapacity, call by call, nothing typed in.
        expect(dynamodb.readUnits).toBeGreaterThan(0);
        expect(dynamodb.writeUnits).toBeGreaterThan(0);
        const answered = dynamodb.consumed.reduce((sum, c) => sum + c.units, 0);
        expect(dynamodb.readUnits + dynamodb.writeUnits).toBeCloseTo(answered, 9);
        // Every billable call answered its capacity (the meter asked for it).
        const billable = Object.entries(dynamodb.calls)
          .filter(([op]) => op !== 'ListTables' && op !== 'DescribeTable')
          .reduce((sum, [, n]) => sum + n, 0);
        expect(dynamodb.consumed).toHaveLength(billable);
        expect(life.counts.dynamodbReadUnits).toBe(dynamodb.readUnits);
        expect(life.counts.dynamodbWriteUnits).toBe(dynamodb.writeUnits);
        // The HTTP requests the life made, one Lambda call each: submit, two tracks, a read and an
        // action per step.
        expect(life.counts.apiRequests).toBe(1 + 2 + 2 * ON_THE_SPOT.steps.length);
        expect(life.snapshot.lambda.actOnDossier?.invocations).toBe(ON_THE_SPOT.steps.length);
        // The consumers ran: the outbox was dispatched and the deadline clock's machine moved.
        expect(life.snapshot.lambda.dispatchOutbox?.invocations).toBeGreaterThan(0);
        expect(life.counts.stepFunctionsTransitions).toBeGreaterThan(0);
        expect(life.counts.sqsRequests).toBeGreaterThan(0);
      }, 120_000);
    });

    it('moves the shared clock when /_local/clock is posted, and resets it on DELETE', async () => {
      const target = '2027-01-28T03:00:00.000Z';
      const moved = await api.post('/_local/clock', { baseUrl: cloud.baseUrl, body: { now: target } });
      expect(moved.status).toBe(200);
      const health = await api.get('/_local/health', { baseUrl: cloud.baseUrl });
      expect(Date.parse(health.body.now) - Date.parse(target)).toBeGreaterThanOrEqual(0);
      expect(Date.parse(health.body.now) - Date.parse(target)).toBeLessThan(5_000);

      const reset = await api.delete('/_local/clock', { baseUrl: cloud.baseUrl });
      expect(Math.abs(Date.parse(reset.body.now) - Date.now())).toBeLessThan(5_000);
    });

    it('keeps table items and accepts earlier tokens when restarted on the same data dir', async () => {
      const item = { PK: 'TEST#restart', SK: 'ITEM', note: 'written before the restart' };
      await withTable(cloud, (doc) =>
        doc.send(new PutCommand({ TableName: cloud.info.tableName, Item: item })),
      );
      const earlierToken = cloud.tokens.citizen as string;

      await stopCloudProcess(cloud);
      cloud = await startCloudProcess({ dataDir: cloud.dataDir });

      const read = await withTable(cloud, (doc) =>
        doc.send(new GetCommand({ TableName: cloud.info.tableName, Key: { PK: item.PK, SK: item.SK } })),
      );
      expect(read.Item).toEqual(item);
      const response = await api.get(USER_ROUTE, { baseUrl: cloud.baseUrl, token: earlierToken });
      expect(response.status).not.toBe(401);
    }, 90_000);
  });
});

async function withTable<T>(
  cloud: CloudHandle,
  use: (doc: DynamoDBDocumentClient) => Promise<T>,
): Promise<T> {
  const client = new DynamoDBClient({
    endpoint: cloud.info.endpoints.dynamodb,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    return await use(DynamoDBDocumentClient.from(client));
  } finally {
    client.destroy();
  }
}

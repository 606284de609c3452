/**
 * API calls from access log lines (docs/usage.md): which tenant and month a line counts for, the
 * split by caller and error, the offline gateway's line built from the stage's field list, and the
 * subscription payload as CloudWatch Logs encodes it and the counter decodes it.
 */
import { ACCESS_LOG_FIELDS, accessLogFormat } from '../../../shared/api/access-log';
import { apiCallOf, sumApiCalls, type ApiCallLine } from '../../../shared/domain/usage';
import { decodeLogSubscription } from '../../../shared/platform/log-subscription';
import { batchMark } from '../../../shared/usecases/api-calls';
import { accessLogLine } from '../../../infra/local/access-log';
import { encodeLogBatch } from '../../../infra/local/logs/subscription';

// 30 Nov 2026 23:30 in Vietnam (UTC+7) is 16:30 UTC: still November there.
const NOV_30_LATE_VN = Date.UTC(2026, 10, 30, 16, 30);
const line = (over: Partial<ApiCallLine>): ApiCallLine => ({
  path: '/v1/dossiers',
  routeKey: 'GET /v1/dossiers',
  status: '200',
  tenant: '-',
  clientId: '-',
  requestTimeEpoch: String(NOV_30_LATE_VN),
  integrationStatus: '200',
  ...over,
});

describe('API calls from the access log', () => {
  it('counts a signed-in staff call for the tenant of its token, in Vietnam’s month', () => {
    expect(apiCallOf(line({ tenant: 'demo' }))).toEqual({
      tenant: 'demo',
      month: '2026-11',
      increments: { apiCalls: 1, apiCallsStaff: 1 },
    });
    // An hour later it is December in Vietnam, though still 30 November in UTC.
    expect(
      apiCallOf(line({ tenant: 'demo', requestTimeEpoch: String(NOV_30_LATE_VN + 3_600_000) }))?.month,
    ).toBe('2026-12');
  });

  it('counts a public call for the tenant in its path, an agency system’s by its client, and errors apart', () => {
    expect(
      apiCallOf(
        line({
          path: '/v1/public/h97/dossiers/X-1',
          routeKey: 'GET /v1/public/{tenant}/dossiers/{code}',
          status: '404',
        }),
      ),
    ).toEqual({
      tenant: 'h97',
      month: '2026-11',
      increments: { apiCalls: 1, apiCallsPublic: 1, apiCallsClientErrors: 1 },
    });
    expect(apiCallOf(line({ tenant: 'demo', clientId: 'abc123', status: '502' }))?.increments).toEqual({
      apiCalls: 1,
      apiCallsAgencySystem: 1,
      apiCallsServerErrors: 1,
    });
  });

  it('counts nothing for the operator, a refused token, an unmatched path or a made-up tenant id', () => {
    expect(
      apiCallOf(
        line({ path: '/v1/operator/tenants', routeKey: 'GET /v1/operator/tenants', tenant: 'platform' }),
      ),
    ).toBeUndefined();
    // The authorizer's 401: no claims.
    expect(apiCallOf(line({ status: '401' }))).toBeUndefined();
    expect(apiCallOf(line({ routeKey: '$default', tenant: 'demo' }))).toBeUndefined();
    expect(apiCallOf(line({ routeKey: '-', tenant: 'demo' }))).toBeUndefined();
    expect(
      apiCallOf(
        line({ path: '/v1/public/NOT_A_TENANT/agencies', routeKey: 'GET /v1/public/{tenant}/agencies' }),
      ),
    ).toBeUndefined();
    expect(apiCallOf(line({ tenant: 'demo', requestTimeEpoch: '-' }))).toBeUndefined();
    // A throttle of the stage or route: API Gateway answered, no function ran.
    expect(apiCallOf(line({ tenant: 'demo', status: '429', integrationStatus: '-' }))).toBeUndefined();
    // The fair-share gate's 429 is the function's answer: a call, refused.
    expect(apiCallOf(line({ tenant: 'demo', status: '429', integrationStatus: '429' }))?.increments).toEqual({
      apiCalls: 1,
      apiCallsStaff: 1,
      apiCallsClientErrors: 1,
    });
  });

  it('sums a batch per tenant and month', () => {
    const calls = [
      apiCallOf(line({ tenant: 'demo' })),
      apiCallOf(line({ tenant: 'demo', status: '403' })),
      apiCallOf(line({ tenant: 'demo', requestTimeEpoch: String(NOV_30_LATE_VN + 3_600_000) })),
      apiCallOf(line({ path: '/v1/public/h97/agencies', routeKey: 'GET /v1/public/{tenant}/agencies' })),
    ].filter((c) => c !== undefined);
    const sums = sumApiCalls(calls);
    expect(Object.fromEntries([...sums].map(([t, m]) => [t, Object.fromEntries(m)]))).toEqual({
      demo: {
        '2026-11': { apiCalls: 2, apiCallsStaff: 2, apiCallsClientErrors: 1 },
        '2026-12': { apiCalls: 1, apiCallsStaff: 1 },
      },
      h97: { '2026-11': { apiCalls: 1, apiCallsPublic: 1 } },
    });
  });

  it('marks a batch by its events’ ids, in any order', () => {
    expect(batchMark(['2', '1', '3'])).toBe(batchMark(['1', '2', '3']));
    expect(batchMark(['1', '2'])).not.toBe(batchMark(['1', '2', '3']));
  });
});

describe('the offline access log', () => {
  it('is the stage’s format: the tenant claim as HTTP APIs name JWT claims, the instant in ms', () => {
    const format = JSON.parse(accessLogFormat());
    expect(format).toMatchObject({
      tenant: '$context.authorizer.claims.custom:tenant',
      clientId: '$context.authorizer.claims.client_id',
      requestTimeEpoch: '$context.requestTimeEpoch',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
  });

  it('writes every field of the stage’s format, `-` where API Gateway has no value', () => {
    const written = JSON.parse(
      accessLogLine({
        requestId: 'abc=',
        receivedAt: new Date(NOV_30_LATE_VN),
        sourceIp: '127.0.0.1',
        method: 'GET',
        path: '/v1/dossiers',
        routeKey: 'GET /v1/dossiers',
        status: 200,
        protocol: 'HTTP/1.1',
        responseLength: 12,
        latencyMs: 5,
        claims: { sub: 'u-1', 'custom:tenant': 'demo' },
      }),
    );
    expect(Object.keys(written)).toEqual(Object.keys(ACCESS_LOG_FIELDS));
    expect(written).toMatchObject({
      requestTime: '30/Nov/2026:16:30:00 +0000',
      requestTimeEpoch: String(NOV_30_LATE_VN),
      status: '200',
      sub: 'u-1',
      tenant: 'demo',
      clientId: '-',
      userAgent: '-',
    });
    expect(apiCallOf(written)).toMatchObject({ tenant: 'demo', increments: { apiCallsStaff: 1 } });
  });

  it('hands a batch over as CloudWatch Logs does, and the counter reads it back', () => {
    const batch = {
      owner: '000000000000',
      logGroup: '/aws/apigateway/mot-cua/access',
      logStream: 's',
      subscriptionFilters: ['countApiCalls'],
      messageType: 'DATA_MESSAGE',
      logEvents: [{ id: '1', timestamp: 1, message: '{"status":"200"}' }],
    };
    const event = encodeLogBatch(batch);
    // gzip's magic bytes, in base64.
    expect(event.awslogs.data.startsWith('H4sI')).toBe(true);
    expect(decodeLogSubscription(event)).toEqual(batch);
  });
});

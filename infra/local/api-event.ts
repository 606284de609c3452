/**
 * Turns an HTTP request into what a Lambda behind an HTTP API receives: a payload-format-2.0 event
 * and a Lambda context. Pure apart from the ids and times passed in, so it can be tested alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { APIGatewayEventRequestContextJWTAuthorizer, APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { RouteMatch } from './route-match';

/** What the gateway read off the socket. */
export interface IncomingCall {
  method: string;
  /** Path and query exactly as sent, e.g. `/v1/x?a=1`. */
  url: string;
  /** Node's `rawHeaders`: names as sent, repeats kept, [name, value, name, value, …]. */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  /** `HTTP/1.1` */
  protocol: string;
  /** The port the client connected to (for `x-forwarded-port`). */
  localPort: number;
}

export interface EventContext {
  requestId: string;
  /** Real time of arrival: API Gateway stamps wall-clock time, not the domain clock. */
  receivedAt: Date;
  /** Verified token claims, for routes behind the JWT authorizer. */
  claims?: Record<string, unknown>;
}

export const LOCAL_ACCOUNT_ID = '123456789012';
export const LOCAL_API_ID = 'offlineapi';
export const LOCAL_REGION = 'ap-southeast-1';

/** The event the offline gateway sends: API Gateway's 2.0 event with the JWT authorizer block when present. */
export type HttpApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: APIGatewayEventRequestContextJWTAuthorizer;
  };
};

export function buildHttpApiEvent(
  call: IncomingCall,
  match: RouteMatch,
  context: EventContext,
): HttpApiEvent {
  const [rawPath = '/', rawQueryString = ''] = splitUrl(call.url);
  const { headers, cookies } = collectHeaders(call, context.receivedAt);
  const queryStringParameters = parseQuery(rawQueryString);
  const body = encodeBody(call.body, headers['content-type']);
  const host = headers.host ?? 'localhost';
  const domainName = host;
  const event: HttpApiEvent = {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      ...(context.claims ? { authorizer: jwtAuthorizerBlock(context.claims) } : {}),
      domainName,
      domainPrefix: domainName.split(/[.:]/)[0] ?? domainName,
      http: {
        method: call.method.toUpperCase(),
        path: rawPath,
        protocol: call.protocol,
        sourceIp: call.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: match.routeKey,
      stage: '$default',
      time: formatRequestTime(context.receivedAt),
      timeEpoch: context.receivedAt.getTime(),
    },
    ...body,
  };
  return event;
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

/**
 * Lower-cased names, repeats joined with commas (payload 2.0 has no multi-value fields). Cookies
 * leave the headers for the `cookies` array, one entry per cookie. API Gateway also adds the
 * forwarding headers and a trace id, which handlers and their loggers may read.
 */
function collectHeaders(
  call: IncomingCall,
  receivedAt: Date,
): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < call.rawHeaders.length; i += 2) {
    const name = (call.rawHeaders[i] as string).toLowerCase();
    const value = call.rawHeaders[i + 1] as string;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
      );
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${call.sourceIp}`
    : call.sourceIp;
  headers['x-forwarded-port'] = String(call.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= traceId(receivedAt);
  return { headers, cookies };
}

function parseQuery(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw))
    out[key] = out[key] === undefined ? value : `${out[key]},${value}`;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * HTTP APIs pass text as text and anything else base64-encoded, judged by the content type. The
 * body field is absent when the request had none.
 */
function encodeBody(
  body: Buffer,
  contentType: string | undefined,
): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  if (isTextContentType(contentType)) return { body: body.toString('utf8'), isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}

export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    /^application\/([\w.-]+\+)?(json|xml)$/.test(type) ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/javascript' ||
    type === 'application/graphql'
  );
}

/**
 * HTTP APIs hand claims over as strings (numbers too); array claims arrive as `[a b]`. `scopes`
 * comes from the space-separated `scope` claim and is null without one (as for ID tokens).
 */
function jwtAuthorizerBlock(claims: Record<string, unknown>): APIGatewayEventRequestContextJWTAuthorizer {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    flat[name] = Array.isArray(value)
      ? `[${value.map(String).join(' ')}]`
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  }
  const scope = flat.scope;
  return { jwt: { claims: flat, scopes: scope ? scope.split(' ').filter(Boolean) : null } };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** API Gateway's request time: `25/Nov/2026:23:33:00 +0000`. */
export function formatRequestTime(at: Date): string {
  return (
    `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:` +
    `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`
  );
}

function traceId(at: Date): string {
  return `Root=1-${Math.floor(at.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

/** API Gateway request ids look like `JKJaXmPLvHcESHA=`: 10 random bytes in base64. */
export const newRequestId = (): string => randomBytes(10).toString('base64');

export interface LambdaContextOptions {
  functionName: string;
  /** The invocation ends at this instant (epoch ms); getRemainingTimeInMillis counts down to it. */
  deadline: number;
  memoryMb?: number;
}

/** The Lambda context a handler gets; the callback-era methods exist but do nothing. */
export function buildLambdaContext(options: LambdaContextOptions): Context {
  const { functionName, deadline } = options;
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const noop = () => undefined;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(options.memoryMb ?? 1024),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${today}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: noop,
    fail: noop,
    succeed: noop,
  };
}

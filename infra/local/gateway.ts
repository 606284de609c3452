/**
 * The offline API Gateway (HTTP API): a node:http server that matches each request against the
 * route table, checks the bearer token on `user` routes like the JWT authorizer, builds the
 * payload-2.0 event and Lambda context, calls the route's handler module in this process, and
 * answers what the handler returned. Errors look like API Gateway's own: `{"message": ...}`.
 * CORS follows the API's CORS configuration (./cors.ts): preflights are answered here.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from './listen';
import { performance } from 'node:perf_hooks';
import { ANY_ORIGIN, corsPolicy, type CorsPolicy } from '../../shared/api/cors';
import type { RouteDef } from '../../shared/api/routes';
import { buildHttpApiEvent, buildLambdaContext, newRequestId, type IncomingCall } from './api-event';
import { GATEWAY_REPLIES, fromLambdaResult, type HttpReply } from './api-response';
import { accessLogLine } from './access-log';
import { isPreflight, preflightReply, withCors } from './cors';
import { createHandlerLoader, type HandlerLoader } from './handler-loader';
import type { LocalIssuer } from './jwt-issuer';
import { LOCAL_PREFIX, handleLocal, type LocalEndpointDeps } from './local-endpoints';
import { COGNITO_PATH, type LocalAppClients } from './cognito-clients';
import type { Mailbox } from './mail/mailbox';
import { handleMail } from './mail/service';
import { loggedPath } from './log-path';
import { TOKEN_PATH, tokenEndpoint, type TokenEndpointDeps } from './oauth-token';
import { createRouteMatcher, type RouteMatcher } from './route-match';
import type { ProvinceFile } from './seed';

/** HTTP APIs refuse bodies over 10 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** HTTP APIs give an integration at most 30 s. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

export interface GatewayOptions {
  routes: readonly RouteDef[];
  /** Handler entries in the route table are relative to it. */
  repoRoot: string;
  issuer: LocalIssuer;
  province: ProvinceFile;
  /** No access log; errors are still written to stderr. */
  quiet?: boolean;
  maxBodyBytes?: number;
  integrationTimeoutMs?: number;
  /** Called after `/_local/clock` moved the test clock (the cloud restarts sleeping executions). */
  onClockMoved?: () => void;
  /** Staff tokens of `/_local/tokens` from the local user store (default: the province file's staff). */
  staffIdentity?: LocalEndpointDeps['staffIdentity'];
  /** Default: the API's policy with any origin allowed, as a stage without a `domain` has. */
  cors?: CorsPolicy;
  /** The cloud's loader (each route in its own environment); default: one of the gateway's own. */
  loader?: HandlerLoader;
  /**
   * Cognito's parts for agencies' systems: its app-client API and `/oauth2/token`. Without them
   * those paths answer 404, as a cloud without agency systems would.
   */
  agencySystems?: {
    clients: LocalAppClients;
    token: Omit<TokenEndpointDeps, 'clients' | 'issueAccessToken'>;
  };
  /** The local mailbox: SES v2 and SNS stand-ins and `GET /_local/mail` (infra/local/mail). */
  mailbox?: Mailbox;
  /**
   * Receives the stage's access log line (./access-log.ts) of every API request, as API Gateway
   * writes it to the access log group; the cloud hands the lines to the log's subscribers.
   */
  accessLog?: (line: string) => void;
}

export interface StartGatewayOptions extends Omit<GatewayOptions, 'issuer'> {
  host: string;
  /** `0` picks a free port. */
  port: number;
  /** The issuer's URL contains the port, which is only known once the server listens. */
  createIssuer(baseUrl: string): Promise<LocalIssuer>;
}

export interface RunningGateway {
  baseUrl: string;
  port: number;
  issuer: LocalIssuer;
  stop(): Promise<void>;
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const server = http.createServer();
  // Keep idle connections longer than any client does (undici and the SDK close theirs after 4 s;
  // Node's server default is 5 s). On a loaded machine a client's timer can fire late and reuse a
  // socket the server has just closed, which the client sees as ECONNRESET; API Gateway keeps
  // connections far longer than clients, so a longer idle limit is also the faithful one.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = await listen(server, options.port, options.host);
  const baseUrl = `http://${options.host}:${port}`;
  try {
    const issuer = await options.createIssuer(baseUrl);
    server.on('request', createGateway({ ...options, issuer }));
    return { baseUrl, port, issuer, stop: () => closeServer(server) };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

export function createGateway(options: GatewayOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const context: DispatchContext = {
    ...options,
    matcher: createRouteMatcher(options.routes),
    loader: options.loader ?? createHandlerLoader(options.repoRoot),
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    integrationTimeoutMs: options.integrationTimeoutMs ?? INTEGRATION_TIMEOUT_MS,
    cors: options.cors ?? corsPolicy(ANY_ORIGIN),
  };
  return (req, res) => {
    const started = performance.now();
    const receivedAt = new Date();
    const requestId = newRequestId();
    const trace: RequestTrace = { api: false };
    dispatch(req, requestId, receivedAt, trace, context)
      .catch((error: unknown) => {
        logError(`gateway failed on ${req.method} ${loggedPath(req.url)}`, error);
        return GATEWAY_REPLIES.internalError();
      })
      .then((reply) => {
        send(res, reply, requestId);
        const ms = performance.now() - started;
        if (!options.quiet)
          process.stdout.write(
            `[gateway] ${req.method} ${loggedPath(req.url)} → ${reply.statusCode} (${ms.toFixed(0)} ms)\n`,
          );
        if (trace.api && options.accessLog)
          options.accessLog(
            accessLogLine({
              requestId,
              receivedAt,
              sourceIp: normalizeIp(req.socket.remoteAddress),
              userAgent: req.headers['user-agent'],
              method: req.method ?? 'GET',
              path: (req.url ?? '/').split('?')[0] ?? '/',
              routeKey: trace.routeKey,
              status: reply.statusCode,
              protocol: `HTTP/${req.httpVersion}`,
              responseLength: reply.body.length,
              latencyMs: Math.round(ms),
              integrationLatencyMs: trace.integrationLatencyMs,
              integrationStatus: trace.integrationStatus,
              authorizerError: trace.authorizerError,
              claims: trace.claims,
            }),
          );
      });
  };
}

interface DispatchContext extends GatewayOptions {
  cors: CorsPolicy;
  matcher: RouteMatcher;
  loader: HandlerLoader;
  maxBodyBytes: number;
  integrationTimeoutMs: number;
}

/**
 * What the access log needs from inside the dispatch: whether the request was the API's (not the
 * cloud's own `/_local`, Cognito or mail stand-ins, which are other services in AWS), the route it
 * matched, the authorizer's claims or error, and the integration's answer.
 */
interface RequestTrace {
  api: boolean;
  routeKey?: string;
  claims?: Record<string, unknown>;
  authorizerError?: string;
  integrationStatus?: number;
  integrationLatencyMs?: number;
}

async function dispatch(
  req: IncomingMessage,
  requestId: string,
  receivedAt: Date,
  trace: RequestTrace,
  ctx: DispatchContext,
): Promise<HttpReply> {
  const body = await readBody(req, ctx.maxBodyBytes);
  if (body === 'too-large') return GATEWAY_REPLIES.tooLarge();
  const url = req.url ?? '/';
  const rawPath = url.split('?')[0] ?? '/';
  const method = req.method ?? 'GET';

  if (ctx.agencySystems && method === 'POST') {
    const { clients, token } = ctx.agencySystems;
    if (rawPath === TOKEN_PATH)
      return tokenEndpoint(req.headers, body, {
        ...token,
        clients,
        issueAccessToken: (request) => ctx.issuer.issueAccessToken(request),
      });
    // The SDK posts to the endpoint's path (with or without a trailing slash).
    if (rawPath === COGNITO_PATH || rawPath === `${COGNITO_PATH}/`)
      return clients.handle(req.headers['x-amz-target'] as string | undefined, body);
  }
  if (ctx.mailbox && rawPath.startsWith(LOCAL_PREFIX)) {
    const mail = await handleMail(ctx.mailbox, method, url, body);
    if (mail) return mail;
  }
  if (rawPath.startsWith(LOCAL_PREFIX)) return handleLocal(method, rawPath, body, ctx);
  trace.api = true;
  // The gateway answers preflights itself, before routes and authorizers, as a CORS-configured API does.
  if (isPreflight(method, req.headers)) return preflightReply(ctx.cors, req.headers);
  const reply = await routeRequest({ req, method, url, rawPath, body, requestId, receivedAt }, trace, ctx);
  return withCors(ctx.cors, req.headers, reply);
}

interface ApiRequest {
  req: IncomingMessage;
  method: string;
  url: string;
  rawPath: string;
  body: Buffer;
  requestId: string;
  receivedAt: Date;
}

/** Route, authorizer, integration: everything after the gateway's own answers. */
async function routeRequest(
  { req, method, url, rawPath, body, requestId, receivedAt }: ApiRequest,
  trace: RequestTrace,
  ctx: DispatchContext,
): Promise<HttpReply> {
  const match = ctx.matcher.match(method, rawPath);
  if (!match) return GATEWAY_REPLIES.notFound();
  trace.routeKey = match.routeKey;

  let claims: Record<string, unknown> | undefined;
  if (match.route.auth === 'user') {
    const verdict = await authorize(req.headers.authorization, ctx.issuer);
    if (!verdict.ok) {
      trace.authorizerError = verdict.description ?? 'Unauthorized';
      return GATEWAY_REPLIES.unauthorized(verdict.description);
    }
    claims = verdict.claims;
    trace.claims = claims;
  }

  const call: IncomingCall = {
    method,
    url,
    rawHeaders: req.rawHeaders,
    body,
    sourceIp: normalizeIp(req.socket.remoteAddress),
    protocol: `HTTP/${req.httpVersion}`,
    localPort: req.socket.localPort ?? 0,
  };
  const event = buildHttpApiEvent(call, match, { requestId, receivedAt, claims });
  const started = performance.now();
  const reply = await invoke(match.route, event, ctx);
  trace.integrationLatencyMs = Math.round(performance.now() - started);
  trace.integrationStatus = reply.statusCode;
  return reply;
}

type Verdict = { ok: true; claims: Record<string, unknown> } | { ok: false; description?: string };

/**
 * The JWT authorizer reads `Authorization` (with or without `Bearer `), checks signature, issuer,
 * audience, that `exp` is present and not past, and that neither `nbf` nor `iat` is in the future,
 * and answers 401 itself: the function is never called. `token_use` is the handlers' business.
 */
async function authorize(header: string | undefined, issuer: LocalIssuer): Promise<Verdict> {
  const token = header?.replace(/^Bearer\s+/i, '').trim();
  if (!token) return { ok: false };
  try {
    return { ok: true, claims: await issuer.verify(token) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      description: code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid',
    };
  }
}

async function invoke(route: RouteDef, event: unknown, ctx: DispatchContext): Promise<HttpReply> {
  const deadline = Date.now() + ctx.integrationTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    const handler = await ctx.loader.load(route);
    const context = buildLambdaContext({ functionName: route.id, deadline });
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ctx.integrationTimeoutMs);
    });
    const result = await Promise.race([Promise.resolve(handler(event, context)), timedOut]);
    if (result === 'timeout') {
      logError(`${route.id} did not answer within ${ctx.integrationTimeoutMs} ms`);
      return GATEWAY_REPLIES.timeout();
    }
    return fromLambdaResult(result);
  } catch (error) {
    // In AWS the details go to the function's log, never to the client.
    logError(`${route.id} (${route.entry}) failed`, error);
    return GATEWAY_REPLIES.internalError();
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the whole body, or stops at the limit (the client gets 413 and the connection closes). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, reply: HttpReply, requestId: string): void {
  if (res.headersSent) return;
  try {
    writeHeaders(res, reply, requestId);
  } catch (error) {
    // A header value Node cannot send (say, a newline in it) is a malformed answer: API Gateway
    // answers 500 for those too.
    logError('the handler answered a header that cannot be sent', error);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    reply = GATEWAY_REPLIES.internalError();
    writeHeaders(res, reply, requestId);
  }
  res.end(reply.body);
}

function writeHeaders(res: ServerResponse, reply: HttpReply, requestId: string): void {
  res.statusCode = reply.statusCode;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  // HTTP APIs stamp every answer with the request id, which is also the event's requestId.
  res.setHeader('apigw-requestid', requestId);
  res.setHeader('content-length', reply.body.length);
  if (reply.statusCode === 413) res.setHeader('connection', 'close');
}

function normalizeIp(address: string | undefined): string {
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function logError(message: string, error?: unknown): void {
  const code = (error as { code?: unknown } | undefined)?.code;
  // A handler not written yet is an expected state while the team works: one line, no stack.
  const brief = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  const detail =
    error instanceof Error
      ? brief
        ? error.message.split('\n')[0]
        : (error.stack ?? error.message)
      : error === undefined
        ? ''
        : String(error);
  process.stderr.write(`[gateway] ${message}${detail ? `: ${detail}` : ''}\n`);
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets of clients would hold close() open; nothing is in flight at stop.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1_000).unref();
  });
}

/**
 * The one way an HTTP handler is built: a fixed middy chain (logger, metrics, then our
 * request parsing/validation/authorization, problem+json on error) around one use case. The route's
 * contract gives the schemas, its metadata (shared/api/route-meta.ts) the auth, action, access and
 * idempotency, so a handler file only names its contract and its use case. The full route table
 * (shared/api/routes.ts) is imported for types only: bundling it would build every route's schemas
 * in every function (issue 14 §1).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { RouteContract } from '../api/contracts/contract';
import type { RouteMetaOf } from '../api/route-meta';
import type { RouteId, RouteOf } from '../api/routes';
import { DomainRuleError } from '../domain/errors';
import type { IdempotencyClaim } from '../domain/idempotency';
import { AppError, ValidationError } from './errors';
import { authorize } from './authorize';
import { idempotencyClaim } from './idempotency';
import { logger, metrics } from './observability';
import { claimsOf, principalFromClaims, type Principal } from './principal';
import { internalErrorResponse, problemResponse } from './problem';
import { requireServedTenant } from './tenant-gate';
import { withFairShare } from './fair-share-gate';
import { AUDIT_REASON_HEADER, inRequest } from './request-context';
import { inTenantScope } from './tenant-credentials';
import { isTenantScoped } from '../api/tenant-scope';
import {
  invalidTextErrors,
  isJsonContentType,
  lowerCaseHeaders,
  requestGuard,
  validatePart,
} from './request-guard';

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;
type RequestSchemas<Id extends RouteId> = RouteOf<Id> extends { request: infer Rq } ? Rq : object;
type Part<Id extends RouteId, K extends string> =
  RequestSchemas<Id> extends Record<K, infer S> ? Parsed<S> : undefined;

export interface HttpRequest<Id extends RouteId> {
  params: Part<Id, 'params'>;
  query: Part<Id, 'query'>;
  body: Part<Id, 'body'>;
  /** Present on every route whose auth is `user`. */
  principal: RouteOf<Id>['auth'] extends 'user' ? Principal : Principal | undefined;
  headers: Record<string, string>;
  /**
   * On an `idempotent` route that got an `Idempotency-Key`: pass it to the use case, which takes the
   * key in its transaction. Absent otherwise.
   */
  idempotency: IdempotencyClaim | undefined;
  requestId: string;
  /** For logs: attach the dossier code once known. */
  annotate(keys: Record<string, string>): void;
}

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Responses<Id extends RouteId> = RouteOf<Id>['responses'];
type BodyOf<R> = R extends { schema: infer S } ? (S extends z.core.$ZodType ? z.input<S> : unknown) : unknown;

/**
 * What a route's use case may answer: one of the success statuses its route documents, with a body
 * of that status's response schema (errors are thrown and answered as problems). So a view that
 * drifts from the documented contract fails to compile.
 */
type SuccessStatus<Id extends RouteId> = keyof Responses<Id> & (200 | 201 | 202 | 204);
export type RouteResult<Id extends RouteId> = {
  [S in SuccessStatus<Id>]: {
    status: S;
    body: BodyOf<Responses<Id>[S]>;
    headers?: Record<string, string>;
  };
}[SuccessStatus<Id>];

type UseCase<Id extends RouteId> = (request: HttpRequest<Id>) => Promise<RouteResult<Id>>;

/** Size and depth were bounded by requestGuard before this runs. */
function parseJsonBody(event: APIGatewayProxyEventV2, headers: Record<string, string>): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  if (!isJsonContentType(headers['content-type'])) {
    throw new AppError(
      415,
      'unsupported-media-type',
      'Kiểu nội dung không được hỗ trợ / Unsupported media type',
      'Gửi JSON với Content-Type: application/json / send JSON with Content-Type: application/json',
    );
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      [{ field: 'body', rule: 'json', message: 'JSON không đúng cú pháp / malformed JSON' }],
      `JSON không đúng cú pháp / malformed JSON: ${(error as Error).message}`,
    );
  }
  // Anywhere in the body, fields the schema would drop included: they are hashed for idempotency.
  const invalidText = invalidTextErrors(value, 'body');
  if (invalidText.length > 0) throw new ValidationError(invalidText);
  return value;
}

/** Maps domain rule errors onto answers. */
function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof DomainRuleError) {
    const titles = {
      400: 'Dữ liệu không hợp lệ / Invalid request',
      403: 'Không có quyền / Forbidden',
      404: 'Không tìm thấy / Not found',
      409: 'Xung đột / Conflict',
      422: 'Không thể xử lý / Unprocessable',
    };
    return new AppError(error.status, error.rule, titles[error.status], error.message, [
      { field: error.field, rule: error.rule, message: error.message },
    ]);
  }
  return undefined;
}

function toResponse(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  // Bytes (a PDF) go base64-encoded, as API Gateway expects a binary body from Lambda; the use
  // case names their type in its headers.
  if (result.body instanceof Uint8Array) {
    return {
      statusCode: result.status,
      headers: { 'content-type': 'application/octet-stream', ...result.headers },
      body: Buffer.from(result.body).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...result.headers },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/** Flushes business metrics when a request recorded any; an empty flush would only log a warning. */
const publishRecordedMetrics = {
  after: async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  },
  onError: async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  },
};

/** A route's contract (shared/api/contracts/<routeId>.ts), which names the route by its id. */
export type ContractFor<Id extends RouteId> = RouteContract & { readonly id: Id };

/**
 * The handler names its route's metadata module (shared/api/route-meta/<id>.ts) and its contract,
 * so its bundle holds those two and no other route's (issue 14 §1); both carry the same id.
 */
export function httpHandler<Id extends RouteId>(
  route: RouteMetaOf<Id>,
  contract: ContractFor<Id>,
  useCase: UseCase<Id>,
) {
  const routeId: Id = route.id;
  if (contract.id !== routeId) throw new Error(`Route ${routeId} given contract ${contract.id}`);
  const schemas = contract.request ?? {};
  const isIdempotent = 'idempotent' in route && route.idempotent === true;
  const tenantScoped = isTenantScoped(route);

  const core = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const headers = lowerCaseHeaders(event.headers);
    const requestId = event.requestContext?.requestId ?? 'unknown';
    // Correlates every log line of this request with API Gateway's access log.
    logger.appendKeys({ correlation_id: requestId });
    const principal = principalFromClaims(claimsOf(event));
    // The route-level decision of the policy: role and scope, before anything is read.
    if (route.auth === 'user') authorize(principal, route.action);
    // Every log line of an agency system's request names its client: the call log (issue 9 §6).
    if (principal?.scopes) logger.appendKeys({ clientId: principal.subject });
    const params = validatePart(schemas.params, event.pathParameters, 'params');
    // Suspension (tenant-gate.ts): every route that reads the table for a tenant, the tenant being
    // the caller's (from the token) or, on public routes, the one in the path (validated above).
    const tenant =
      route.auth === 'user' ? principal?.tenant : (params as { tenant?: string } | undefined)?.tenant;
    await requireServedTenant(route.access, tenant);
    // Fair share (fair-share-gate.ts): the tenant's bucket, or the public client's, after suspension;
    // taken before the rest runs, or alongside it on a route that only reads (a refusal still wins).
    return withFairShare(route, tenant, event.requestContext?.http?.sourceIp, async () => {
      const query = validatePart(schemas.query, event.queryStringParameters, 'query');
      const rawBody = schemas.body ? parseJsonBody(event, headers) : undefined;
      const body = validatePart(schemas.body, rawBody, 'body');
      const key = isIdempotent ? headers['idempotency-key'] : undefined;
      const request = {
        params,
        query,
        body,
        principal,
        headers,
        idempotency: key === undefined ? undefined : idempotencyClaim(routeId, principal, key, rawBody),
        requestId,
        annotate: (keys: Record<string, string>) => logger.appendKeys(keys),
      } as HttpRequest<Id>;
      // The audit log's context (request-context.ts): which route, which request, and why.
      const context = { route: routeId, requestId, reason: headers[AUDIT_REASON_HEADER] };
      // Below the code (issue 11 §3): the use case reaches the table and bucket with credentials that
      // name only this tenant's keys; the gates above ran with the execution role (platform items).
      const scoped = tenantScoped ? tenant : undefined;
      return toResponse(await inRequest(context, () => inTenantScope(scoped, () => useCase(request))));
    });
  };

  return (
    middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(core)
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(publishRecordedMetrics)
      .use({
        onError: async (request) => {
          const appError = asAppError(request.error);
          const instance = request.event.rawPath;
          if (appError) {
            if (appError.status >= 500) logger.error('request failed', { error: request.error });
            else logger.info('request refused', { status: appError.status, kind: appError.kind });
            request.response = problemResponse(appError, instance);
          } else {
            logger.error('unhandled error', { error: request.error as Error });
            metrics.addMetric('UnhandledError', 'Count', 1);
            request.response = internalErrorResponse(request.event.requestContext?.requestId);
          }
        },
      })
      // Its `before` runs after tracing and logging are set up and before the handler: nothing has
      // parsed, validated or hashed the body yet.
      .use(requestGuard({ jsonBody: schemas.body !== undefined, idempotent: isIdempotent }))
  );
}

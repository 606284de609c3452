/**
 * How a public HTML page is served (issue 13 §2): the same middy chain as the JSON handlers
 * (logger, request guard), the route's own schemas for path and query, then one page use
 * case. Success is `text/html` with a strict Content-Security-Policy (no script), public caching
 * and an ETag (304 on a match). Errors are an HTML page for a client that prefers HTML and
 * problem+json for any other, so API clients and the input-fuzz tests see the API's usual answers.
 *
 * `negotiated` puts a page behind an existing JSON route: one URL, one Lambda, the representation
 * chosen by `Accept` (the QR code on printed forms points at the JSON tracking URL).
 */
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { RouteMetaOf } from '../api/route-meta';
import type { RouteId, RouteOf } from '../api/routes';
import type { ContractFor } from './http';
import type { PageAnswer } from '../pages/answer';
import { errorPage } from '../pages/errors';
import { langOf, type Lang } from '../pages/i18n';
import { prefersHtml } from '../pages/negotiate';
import { CONTENT_SECURITY_POLICY } from '../pages/style';
import { AppError } from './errors';
import { logger } from './observability';
import { internalErrorResponse, problemResponse } from './problem';
import { lowerCaseHeaders, requestGuard, validatePart } from './request-guard';
import { requireServedTenant } from './tenant-gate';
import { inTenantScope } from './tenant-credentials';
import { isTenantScoped } from '../api/tenant-scope';
import { requireFairShare } from './fair-share-gate';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;
type Schemas<Id extends RouteId> = RouteOf<Id> extends { request: infer Rq } ? Rq : object;
type Part<Id extends RouteId, K extends string> =
  Schemas<Id> extends Record<K, infer S> ? Parsed<S> : undefined;

export interface PageRequest<Id extends RouteId> {
  params: Part<Id, 'params'>;
  query: Part<Id, 'query'>;
  lang: Lang;
  annotate(keys: Record<string, string>): void;
}

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Headers every page answer carries, errors included. */
const pageHeaders = (negotiated: boolean): Record<string, string> => ({
  'content-type': HTML_CONTENT_TYPE,
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  ...(negotiated ? { vary: 'Accept' } : {}),
});

/** Weak: the same page may be compressed differently on the way. */
const etagOf = (html: string) => `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;

function answer(event: Event, page: PageAnswer, negotiated: boolean): Result {
  const cache = { 'cache-control': `public, max-age=${page.maxAge}` };
  if (page.status === 303) {
    return {
      statusCode: 303,
      headers: { ...cache, location: page.location, ...(negotiated ? { vary: 'Accept' } : {}) },
      body: '',
    };
  }
  const etag = etagOf(page.html);
  const headers = { ...pageHeaders(negotiated), ...cache, etag };
  const ifNoneMatch = lowerCaseHeaders(event.headers)['if-none-match'];
  if (page.status === 200 && ifNoneMatch?.split(',').some((t) => t.trim() === etag)) {
    return { statusCode: 304, headers, body: '' };
  }
  return { statusCode: page.status, headers, body: page.html };
}

/** The HTML error page for a browser; problem+json for any other client. */
function errorAnswer(event: Event, error: AppError, negotiated: boolean): Result {
  const headers = lowerCaseHeaders(event.headers);
  if (!prefersHtml(headers.accept)) return problemResponse(error, event.rawPath);
  const lang = langOf(event.queryStringParameters?.lang);
  const tenant = /^[a-z][a-z0-9-]{1,30}$/.test(event.pathParameters?.tenant ?? '')
    ? event.pathParameters?.tenant
    : undefined;
  const badCode = (error.errors ?? []).some((e) => /^(params|query)\.code$/.test(e.field));
  return {
    statusCode: error.status,
    headers: { ...pageHeaders(negotiated), 'cache-control': 'no-store', ...error.headers },
    body: errorPage(error.status, lang, tenant, event.rawPath, badCode),
  };
}

export function pageHandler<Id extends RouteId>(
  route: RouteMetaOf<Id>,
  contract: ContractFor<Id>,
  render: (request: PageRequest<Id>) => Promise<PageAnswer>,
) {
  // The route's own metadata module and contract: never the full table (see http.ts).
  if (contract.id !== route.id) throw new Error(`Route ${route.id} given contract ${contract.id}`);
  const schemas = contract.request ?? {};
  const negotiated = 'page' in route && route.page === 'negotiated';
  const tenantScoped = isTenantScoped(route);

  const core = async (event: Event): Promise<Result> => {
    logger.appendKeys({ correlation_id: event.requestContext?.requestId ?? 'unknown' });
    const params = validatePart(schemas.params, event.pathParameters, 'params');
    // A suspended province's pages are closed like its JSON routes (tenant-gate.ts).
    const tenant = (params as { tenant?: string } | undefined)?.tenant;
    await requireServedTenant(route.access, tenant);
    await requireFairShare(route, tenant, event.requestContext?.http?.sourceIp);
    const query = validatePart(schemas.query, event.queryStringParameters, 'query');
    const lang = langOf((query as { lang?: string } | undefined)?.lang);
    const request = {
      params,
      query,
      lang,
      annotate: (keys: Record<string, string>) => logger.appendKeys(keys),
    } as PageRequest<Id>;
    // The page reads with the tenant's scoped credentials, as the JSON routes do (http.ts).
    const scoped = tenantScoped ? tenant : undefined;
    return answer(event, await inTenantScope(scoped, () => render(request)), negotiated);
  };

  return middy<Event, Result>(core)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      onError: async (request) => {
        const error = request.error;
        if (error instanceof AppError && error.status < 500) {
          logger.info('page refused', { status: error.status, kind: error.kind });
          request.response = errorAnswer(request.event, error, negotiated);
          return;
        }
        logger.error('page failed', { error: error as Error });
        const requestId = request.event.requestContext?.requestId;
        request.response = prefersHtml(lowerCaseHeaders(request.event.headers).accept)
          ? {
              statusCode: 500,
              headers: { ...pageHeaders(negotiated), 'cache-control': 'no-store' },
              body: errorPage(
                500,
                langOf(request.event.queryStringParameters?.lang),
                undefined,
                request.event.rawPath,
                false,
              ),
            }
          : internalErrorResponse(requestId);
      },
    })
    .use(requestGuard({ jsonBody: false, idempotent: false }));
}

type LambdaHandler = (event: Event, context: Context) => Promise<Result>;

/**
 * One route, two representations: the page for a client that prefers HTML, the JSON handler for
 * every other. JSON answers gain `Vary: Accept` so no cache hands one to the other's client.
 */
export function negotiated(json: LambdaHandler, page: LambdaHandler): LambdaHandler {
  return async (event, context) => {
    if (prefersHtml(lowerCaseHeaders(event.headers).accept)) return page(event, context);
    const result = await json(event, context);
    return { ...result, headers: { ...result.headers, vary: 'Accept' } };
  };
}

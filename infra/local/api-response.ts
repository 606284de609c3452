/**
 * How an HTTP API reads a Lambda's payload-2.0 answer, and the answers API Gateway gives on its own
 * (401 from the JWT authorizer, 413, 500, 503), with the same bodies clients see in AWS.
 */
export interface HttpReply {
  statusCode: number;
  /** Header values; `set-cookie` may repeat. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const JSON_TYPE = 'application/json';

export function gatewayReply(
  statusCode: number,
  message: string,
  extraHeaders: Record<string, string> = {},
): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': JSON_TYPE, ...extraHeaders },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

export const GATEWAY_REPLIES = {
  unauthorized: (description?: string) =>
    gatewayReply(
      401,
      'Unauthorized',
      description
        ? { 'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${description}"` }
        : {},
    ),
  notFound: () => gatewayReply(404, 'Not Found'),
  tooLarge: () => gatewayReply(413, 'Request Entity Too Large'),
  internalError: () => gatewayReply(500, 'Internal Server Error'),
  timeout: () => gatewayReply(503, 'Service Unavailable'),
} as const;

/** Thrown when a handler's answer is not something API Gateway would accept (it answers 500). */
export class MalformedLambdaResponse extends Error {
  override readonly name = 'MalformedLambdaResponse';
}

/**
 * With a `statusCode`, the object is the response; without one, API Gateway assumes 200 and JSON,
 * and the whole value is the body (a string as is, anything else serialized).
 */
export function fromLambdaResult(result: unknown): HttpReply {
  if (!isStructured(result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': JSON_TYPE }, body: Buffer.from(body) };
  }
  const statusCode = result.statusCode;
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedLambdaResponse(`statusCode ${String(statusCode)} is not an HTTP status`);
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object')
      throw new MalformedLambdaResponse(`header ${name} is not a string, number or boolean`);
    headers[name.toLowerCase()] = String(value);
  }
  if (Array.isArray(result.cookies) && result.cookies.length > 0) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [
      ...(existing === undefined ? [] : [existing].flat()),
      ...result.cookies.map(String),
    ];
  }
  const rawBody = result.body ?? '';
  if (typeof rawBody !== 'string') throw new MalformedLambdaResponse('body is not a string');
  const body =
    result.isBase64Encoded === true ? Buffer.from(rawBody, 'base64') : Buffer.from(rawBody, 'utf8');
  return { statusCode, headers, body };
}

interface StructuredResult {
  statusCode: number;
  headers?: Record<string, unknown>;
  cookies?: unknown[];
  body?: unknown;
  isBase64Encoded?: unknown;
}

function isStructured(result: unknown): result is StructuredResult {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && 'statusCode' in result;
}

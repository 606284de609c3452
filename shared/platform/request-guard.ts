/**
 * Bounds on a request before anything parses, validates or hashes it. JSON.parse, zod and the
 * idempotency hash all recurse, so a body nested thousands of levels deep overflows the stack
 * (a 500) however small it is; a huge body costs memory and time before any schema looks at it;
 * a lone surrogate or NUL in any string (even a field the schema would drop) has no place in
 * stored data. Each check here is iterative and linear in the body's length.
 */
import type middy from '@middy/core';
import type * as z from 'zod/mini';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { idempotencyKey, INVALID_TEXT_MESSAGE, MULTI_LINE_PATTERN } from '../api/schemas/common';
import { AppError, ValidationError, type FieldError } from './errors';
import { fieldErrorsFromZod } from './problem';

/**
 * 1 MiB: the largest body the schemas allow (tenant settings with 400 calendar overrides at full
 * length, every character sent as a `\uXXXX` escape) fits; API Gateway's own limit is 10 MB.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The deepest legitimate body (tenant settings → overrides → hours → pair) is 5 levels. */
export const MAX_JSON_DEPTH = 32;
/** Enough to show a client what is wrong without answering a list as long as its body. */
const MAX_REPORTED = 20;

const JSON_CONTENT_TYPE = /^application\/(.+\+)?json\b/i;
export const isJsonContentType = (contentType: string | undefined): boolean =>
  JSON_CONTENT_TYPE.test(contentType ?? '');

export class PayloadTooLargeError extends AppError {
  constructor(bytes: number) {
    super(
      413,
      'payload-too-large',
      'Nội dung quá lớn / Payload too large',
      `Tối đa ${MAX_BODY_BYTES} byte, nhận ${bytes} / at most ${MAX_BODY_BYTES} bytes, got ${bytes}`,
      [
        {
          field: 'body',
          rule: 'too_big',
          message: `tối đa ${MAX_BODY_BYTES} byte / at most ${MAX_BODY_BYTES} bytes`,
        },
      ],
    );
  }
}

/** Size of the body as sent, without decoding a base64 body that is far too large anyway. */
export function bodyBytes(body: string, isBase64Encoded: boolean): number {
  if (!isBase64Encoded) return Buffer.byteLength(body, 'utf8');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
}

/**
 * How deep the JSON text nests, counted without parsing: one pass over the characters, brackets
 * inside strings skipped. Stops as soon as `limit` is passed, so the answer is at most limit + 1.
 * Malformed text is not its business (JSON.parse answers that, safely, once the depth is bounded).
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth -= 1;
  }
  return deepest;
}

/**
 * Every string and key of a parsed JSON value that holds a control character (other than tab and
 * line breaks) or a lone surrogate, as field errors. Walks with an explicit stack: the depth is
 * bounded already, but nothing here should depend on that.
 */
export function invalidTextErrors(value: unknown, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: prefix }];
  const report = (path: string) =>
    errors.push({ field: path, rule: 'invalid_format', message: INVALID_TEXT_MESSAGE });
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const { value: v, path } = stack.pop() as { value: unknown; path: string };
    if (typeof v === 'string') {
      if (!MULTI_LINE_PATTERN.test(v)) report(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i], path: `${path}.${i}` });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        // A broken key is named by its parent: echoing it would put the broken text in the answer.
        if (!MULTI_LINE_PATTERN.test(key)) report(`${path}.<key>`);
        else stack.push({ value: child, path: `${path}.${key}` });
      }
    }
  }
  return errors;
}

export interface GuardOptions {
  /** The route takes a JSON body: its depth is bounded before it is parsed. */
  jsonBody: boolean;
  /** The route honours `Idempotency-Key`: a malformed key is refused before anything runs. */
  idempotent: boolean;
}

type Event = APIGatewayProxyEventV2;

/** The body checks, on the raw event: size (413), then depth of a JSON body (400). */
export function checkBody(event: Event, headers: Record<string, string>, jsonBody: boolean): void {
  const body = event.body;
  if (body === undefined || body === null || body === '') return;
  const bytes = bodyBytes(body, event.isBase64Encoded === true);
  if (bytes > MAX_BODY_BYTES) throw new PayloadTooLargeError(bytes);
  if (!jsonBody || !isJsonContentType(headers['content-type'])) return;
  const text = event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ValidationError([
      {
        field: 'body',
        rule: 'too_deep',
        message: `JSON lồng tối đa ${MAX_JSON_DEPTH} cấp / JSON nested at most ${MAX_JSON_DEPTH} levels`,
      },
    ]);
  }
}

/** `Idempotency-Key`, when sent to a route that honours it, must match its documented pattern. */
export function checkIdempotencyKey(headers: Record<string, string>): void {
  const key = headers['idempotency-key'];
  if (key === undefined) return;
  const result = idempotencyKey.safeParse(key, { reportInput: true });
  if (!result.success) {
    throw new ValidationError(fieldErrorsFromZod(result.error.issues, 'headers.idempotency-key'));
  }
}

/** API Gateway lower-cases header names already; a direct invocation (a test, a bench) may not. */
export const lowerCaseHeaders = (headers: Event['headers']): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
};

/**
 * The guard as a middy middleware: it runs before the handler, so before the body is parsed,
 * validated or hashed for idempotency. What it throws becomes problem+json in the chain's onError.
 */
export function requestGuard(
  options: GuardOptions,
): middy.MiddlewareObj<Event, APIGatewayProxyStructuredResultV2> {
  return {
    before: async (request) => {
      const headers = lowerCaseHeaders(request.event.headers);
      if (options.idempotent) checkIdempotencyKey(headers);
      checkBody(request.event, headers, options.jsonBody);
    },
  };
}

/**
 * A request part (params, query, body) parsed by its route's schema, or a 400 naming each field: the
 * one validation JSON routes (http.ts) and pages (page-handler.ts) share.
 */
export function validatePart(schema: z.ZodMiniType | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  // reportInput lets a missing field be told apart from one of the wrong type; inputs never reach the answer.
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}), { reportInput: true });
  if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error.issues, part));
  return result.data;
}

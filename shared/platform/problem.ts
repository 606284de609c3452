/** RFC 9457 problem details: how every error leaves the API. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { AppError, PROBLEM_TYPE_BASE, type FieldError } from './errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(error: AppError, instance?: string): APIGatewayProxyStructuredResultV2 {
  const body = {
    type: `${PROBLEM_TYPE_BASE}${error.kind}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.extra ?? {}),
  };
  return {
    statusCode: error.status,
    headers: { ...error.headers, 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify(body),
  };
}

export const internalErrorResponse = (requestId?: string): APIGatewayProxyStructuredResultV2 =>
  problemResponse(
    new AppError(
      500,
      'internal',
      'Lỗi hệ thống / Internal error',
      `Mã yêu cầu / request id: ${requestId ?? 'unknown'}`,
    ),
  );

const RULE_MESSAGES: Record<string, string> = {
  invalid_type: 'sai kiểu dữ liệu / wrong type',
  too_small: 'quá ngắn hoặc quá nhỏ / too small',
  too_big: 'quá dài hoặc quá lớn / too big',
  invalid_format: 'sai định dạng / invalid format',
  invalid_value: 'giá trị không được phép / value not allowed',
  unrecognized_keys: 'trường không được phép / unknown field',
  invalid_union: 'không khớp dạng nào được phép / matches no allowed shape',
  custom: 'không hợp lệ / invalid',
};

/** Turns zod issues into field errors that name the field (as a dotted path) and the rule. */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    // With reportInput, an absent field is an issue whose input is undefined, whatever zod calls it
    // (invalid_type for a string, invalid_value for an enum, invalid_union for a union).
    const missing =
      ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code) && issue.input === undefined;
    const rule = missing ? 'required' : issue.code;
    const generic = missing ? 'bắt buộc / required' : (RULE_MESSAGES[issue.code] ?? 'không hợp lệ / invalid');
    // zod's own English default messages are replaced by bilingual ones; custom messages are ours already.
    const ours = issue.message && /\//.test(issue.message) ? issue.message : undefined;
    return { field: path, rule, message: ours ?? generic };
  });
}

/**
 * Typed errors that carry their HTTP status and become RFC 9457 problem details. Use cases throw
 * them; the HTTP layer answers them. Anything else is a bug and becomes a 500 without internals.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.applicant.idNumber`. */
  field: string;
  /** The rule it broke, e.g. `required`, `invalid_format`, `too_big`. */
  rule: string;
  message: string;
}

export class AppError extends Error {
  /** Headers the answer carries besides its content type, e.g. `Retry-After` on a 429. */
  headers?: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    /** Short kebab-case kind, the last segment of the problem `type` URI. */
    readonly kind: string,
    /** Vietnamese / English title. */
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail?: string) {
    super(
      400,
      'validation',
      'Dữ liệu không hợp lệ / Invalid request',
      detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Cần đăng nhập / A valid bearer token is required') {
    super(401, 'unauthorized', 'Chưa xác thực / Unauthorized', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail: string) {
    super(403, 'forbidden', 'Không có quyền / Forbidden', detail);
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super(404, 'not-found', 'Không tìm thấy / Not found', detail);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, extra?: Record<string, unknown>) {
    super(409, 'conflict', 'Xung đột / Conflict', detail, undefined, extra);
  }
}

export class UnprocessableError extends AppError {
  constructor(kind: string, detail: string, errors?: FieldError[]) {
    super(422, kind, 'Không thể xử lý / Unprocessable', detail, errors);
  }
}

export const PROBLEM_TYPE_BASE = 'https://mot-cua.example.vn/problems/';

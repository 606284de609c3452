/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (JSON Schema
 * 2020-12, which OpenAPI 3.1 uses as is). Built once per container.
 *
 * `documentedResponses` is the one list of what a route answers: the route's own entries plus what
 * every route of its kind can answer (the request guard, idempotency, API Gateway's own replies).
 * The document is written from it, and the integration tests check every answer against it.
 */
import * as z from 'zod/mini';
import { MAX_BODY_BYTES } from '../platform/request-guard';
import { idempotencyKey, problem } from './schemas/common';
import { HTML_MEDIA_TYPE, htmlPage } from './schemas/pages';
import { COMPONENTS } from './openapi-components';
import { ROUTES, routeRoles, type RouteDef } from './routes';
import { buildWebhooks, WEBHOOK_COMPONENTS, WEBHOOK_TAG } from './openapi-webhooks';

type JsonSchema = Record<string, unknown>;

/** `{"message": "…"}`: what API Gateway answers by itself (authorizer 401, 413, 429), as in AWS. */
export const gatewayMessage = z.object({ message: z.string() });

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const JSON_MEDIA_TYPE = 'application/json';

/** One documented status: its description and, per media type, the schema of its body. */
export interface DocumentedResponse {
  description: string;
  content: Record<string, z.core.$ZodType>;
}

function add(
  into: Record<number, DocumentedResponse>,
  status: number,
  description: string,
  mediaType: string,
  schema: z.core.$ZodType | undefined,
): void {
  const entry = (into[status] ??= { description, content: {} });
  // One status, several causes (a 422 for a broken rule or a reused key): each is named.
  if (!entry.description.includes(description)) entry.description += `; ${description}`;
  if (schema) entry.content[mediaType] ??= schema;
}

/** Every status `route` can answer, with the schema of each body by its media type. */
export function documentedResponses(route: RouteDef): Record<number, DocumentedResponse> {
  const out: Record<number, DocumentedResponse> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    const mediaType = r.mediaType ?? (Number(status) >= 400 ? PROBLEM_MEDIA_TYPE : JSON_MEDIA_TYPE);
    add(out, Number(status), r.description, mediaType, r.schema);
  }
  if (route.page) {
    // shared/platform/page-handler.ts: a browser gets the page, and its errors, as HTML.
    const page = 'Trang HTML cho trình duyệt / an HTML page for browsers';
    add(out, 200, page, HTML_MEDIA_TYPE, htmlPage);
    add(
      out,
      304,
      'Không đổi từ lần trước (ETag) / not modified since the ETag sent',
      HTML_MEDIA_TYPE,
      undefined,
    );
    add(out, 400, page, HTML_MEDIA_TYPE, htmlPage);
    add(out, 404, page, HTML_MEDIA_TYPE, htmlPage);
  }
  // shared/platform/request-guard.ts refuses a body over MAX_BODY_BYTES on every route, one that
  // takes no body too; API Gateway refuses one over its own payload limit before any function runs.
  const tooLarge = `Nội dung quá ${MAX_BODY_BYTES} byte / body over ${MAX_BODY_BYTES} bytes`;
  add(out, 413, tooLarge, PROBLEM_MEDIA_TYPE, problem);
  add(out, 413, tooLarge, JSON_MEDIA_TYPE, gatewayMessage);
  if (route.request?.body) add(out, 415, 'Không phải JSON / not JSON', PROBLEM_MEDIA_TYPE, problem);
  if (route.idempotent) {
    // shared/usecases/once-per-key.ts
    add(
      out,
      409,
      'Yêu cầu cùng Idempotency-Key đang xử lý / a request with this Idempotency-Key is in progress',
      PROBLEM_MEDIA_TYPE,
      problem,
    );
    add(
      out,
      422,
      'Idempotency-Key đã dùng cho nội dung khác / Idempotency-Key reused with another body',
      PROBLEM_MEDIA_TYPE,
      problem,
    );
  }
  if (route.auth === 'user') {
    // The JWT authorizer answers a missing or invalid token before the function runs.
    add(out, 401, 'Chưa đăng nhập / unauthenticated', PROBLEM_MEDIA_TYPE, problem);
    add(out, 401, 'Chưa đăng nhập / unauthenticated', JSON_MEDIA_TYPE, gatewayMessage);
  }
  if ('table' in route.access) {
    // shared/platform/fair-share-gate.ts: the tenant's bucket, or the public client's, is empty.
    const limited =
      "Quá hạn mức yêu cầu của đơn vị hoặc của địa chỉ, xem Retry-After / over the tenant's or the client's request limit: see Retry-After";
    add(out, 429, limited, PROBLEM_MEDIA_TYPE, problem);
    if (route.page) add(out, 429, limited, HTML_MEDIA_TYPE, htmlPage);
  }
  // The stage's throttling (infra/stacks/api-stack.ts) answers every route.
  add(
    out,
    429,
    'Quá nhiều yêu cầu, thử lại sau / too many requests: retry later',
    JSON_MEDIA_TYPE,
    gatewayMessage,
  );
  return out;
}

/** Tags, each described; every route's tags must be among them (a Spectral rule checks it). */
const TAGS = [
  {
    name: 'catalog',
    description: 'Danh mục công khai: thủ tục, cơ quan / the public catalog: procedures and agencies',
  },
  {
    name: 'tracking',
    description: 'Tra cứu tiến độ theo mã hồ sơ, không cần đăng nhập / public tracking by dossier code',
  },
  { name: 'dossiers', description: 'Nộp, tiếp nhận và xem hồ sơ / submit, receive and read dossiers' },
  {
    name: 'processing',
    description:
      'Xử lý liên thông, hàng đợi công việc, phiếu kiểm soát (mẫu 06) / processing across agencies, work queue, control sheet',
  },
  {
    name: 'attachments',
    description: 'Bản quét: tải lên, xác nhận, tải xuống / scans: upload, confirm, download',
  },
  {
    name: 'admin',
    description:
      'Quản trị của tỉnh: thủ tục, cơ quan, giờ làm việc / tenant administration: procedures, agencies, office hours',
  },
  { name: 'platform', description: 'Tài liệu API / the API document' },
  WEBHOOK_TAG,
  {
    name: 'reports',
    description:
      'Báo cáo kết quả giải quyết hồ sơ từ bộ đếm; định nghĩa chỉ tiêu ở docs/reports.md / report figures from counters; definitions in docs/reports.md',
  },
  {
    name: 'operator',
    description:
      'Đơn vị vận hành nền tảng: tạo, liệt kê, tạm ngừng, phục vụ lại tỉnh / the platform operator: create, list, suspend and resume tenants',
  },
  {
    name: 'audit',
    description:
      'Nhật ký truy cập: ai xem dữ liệu cá nhân, đổi vai trò, xuất dữ liệu; chỉ ghi thêm, không sửa, không xoá / the audit log: personal-data reads, role changes, exports; append-only',
  },
];

// ---------------------------------------------------------------------------------------------
// Schemas: the named ones become `components.schemas` (and are `$ref`ed wherever they occur), the
// rest are written inline. Request bodies are written as input (defaults optional), responses as
// output (every field an answer always has is required), so a schema used both ways gets two names.

const REF = '#/components/schemas/';

interface Converted {
  components: Record<string, JsonSchema>;
  ref(schema: z.core.$ZodType): JsonSchema;
}

function convert(io: 'input' | 'output', named: Record<string, z.core.$ZodType>): Converted {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.core.$ZodType, string>();
  for (const [id, schema] of Object.entries(named)) {
    if (names.has(schema)) continue;
    registry.add(schema, { id });
    names.set(schema, id);
  }
  const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `${REF}${id}` });
  const components: Record<string, JsonSchema> = {};
  for (const [id, json] of Object.entries(schemas)) {
    // The document declares its dialect once, and names its components by their keys.
    const { $schema: _dialect, $id: _id, ...rest } = json as JsonSchema;
    components[id] = rest;
  }
  return {
    components,
    ref: (schema) => {
      const id = names.get(schema);
      return id ? { $ref: `${REF}${id}` } : inline(schema, io);
    },
  };
}

const inline = (schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return json;
};

function parameters(route: RouteDef) {
  const out: JsonSchema[] = [];
  const addAll = (where: 'path' | 'query', schema: z.core.$ZodType | undefined) => {
    if (!schema) return;
    const json = inline(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  };
  addAll('path', route.request?.params);
  addAll('query', route.request?.query);
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Gửi lại cùng khóa trả về kết quả lần đầu / a retry with the same key returns the first answer',
      schema: inline(idempotencyKey, 'input'),
    });
  }
  // Issue 11 §7: the receipt routes take the secret in a header, never in the URL (access logs).
  if (route.action.startsWith('receipt.')) {
    out.push({
      name: 'X-Receipt-Secret',
      in: 'header',
      required: true,
      description:
        'Mã bí mật tra cứu in trên Giấy tiếp nhận (mẫu 01), ví dụ 7KX2M-Q9D4T / the receipt secret printed on form 01',
      schema: { type: 'string', maxLength: 64 },
    });
  }
  return out;
}

/** Who may call, and how a retry behaves: written from the route's own settings. */
function describe(route: RouteDef): string {
  const who =
    route.auth === 'public'
      ? 'Công khai, không cần đăng nhập / public, no token.'
      : `Cần token với một trong các vai trò / bearer token with one of the roles: ${(routeRoles(route) ?? []).join(', ')}.`;
  const retry = route.idempotent
    ? ' Gửi lại với cùng `Idempotency-Key` trả về kết quả lần đầu / a retry with the same `Idempotency-Key` answers the first result.'
    : '';
  return `${route.summary}.\n\n${who}${retry}`;
}

function operation(route: RouteDef, output: Converted, input: Converted) {
  const responses: Record<string, JsonSchema> = {};
  const declared = Object.entries(documentedResponses(route)).sort(([a], [b]) => Number(a) - Number(b));
  for (const [status, r] of declared) {
    const content = Object.entries(r.content);
    responses[status] = {
      description: r.description,
      ...(content.length > 0
        ? { content: Object.fromEntries(content.map(([type, s]) => [type, { schema: output.ref(s) }])) }
        : {}),
    };
  }
  return {
    operationId: route.id,
    summary: route.summary,
    description: describe(route),
    tags: route.tags,
    ...(route.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
    ...(route.auth === 'user' ? { 'x-roles': routeRoles(route) } : {}),
    parameters: parameters(route),
    ...(route.request?.body
      ? {
          requestBody: {
            required: true,
            content: { [JSON_MEDIA_TYPE]: { schema: input.ref(route.request.body) } },
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument() {
  const output = convert('output', {
    ...COMPONENTS.output,
    Problem: problem,
    GatewayMessage: gatewayMessage,
  });
  const input = convert('input', COMPONENTS.input);
  // Webhook bodies in input form: open objects, so fields added under a version stay valid.
  const events = convert('input', WEBHOOK_COMPONENTS);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES as readonly RouteDef[]) {
    if (route.path === '$default') continue;
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route, output, input);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một cửa — API dịch vụ hành chính công / One-stop shop API',
      version: '1.0.0',
      description:
        'Tiếp nhận, xử lý, trả kết quả hồ sơ thủ tục hành chính; tra cứu theo mã hồ sơ. Lỗi theo RFC 9457 (application/problem+json). ' +
        'Receive, process and return administrative dossiers; track by dossier code. Errors are RFC 9457 problem details.',
      contact: { name: 'Một cửa' },
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // Relative: the API is wherever this document was served from (each stage, offline too).
    servers: [
      { url: '/', description: 'Máy chủ đã trả tài liệu này / the server that served this document' },
    ],
    tags: TAGS,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ...output.components, ...input.components, ...events.components },
    },
    paths,
    webhooks: buildWebhooks(events.ref),
  };
}

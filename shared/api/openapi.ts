/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (JSON Schema
 * 2020-12, which OpenAPI 3.1 uses as is). Built once per container.
 */
import { z } from 'zod';
import { MAX_BODY_BYTES } from '../platform/request-guard';
import { idempotencyKey, problem } from './schemas/common';
import { ROUTES, type RouteDef } from './routes';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  // The document declares its dialect once; each schema's own `$schema` would only repeat it.
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
};

function parameters(route: RouteDef) {
  const out: JsonSchema[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = toSchema(schema, 'input') as {
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
  add('path', route.request?.params);
  add('query', route.request?.query);
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Gửi lại cùng khóa trả về kết quả lần đầu / a retry with the same key returns the first answer',
      schema: toSchema(idempotencyKey, 'input'),
    });
  }
  return out;
}

/** Every route with a body can answer these (shared/platform/request-guard.ts, http.ts). */
const bodyProblems: RouteDef['responses'] = {
  413: {
    description: `Nội dung quá ${MAX_BODY_BYTES} byte / body over ${MAX_BODY_BYTES} bytes`,
    schema: problem,
  },
  415: { description: 'Không phải JSON / not JSON', schema: problem },
};

function operation(route: RouteDef) {
  const responses: Record<string, JsonSchema> = {};
  const declared = { ...(route.request?.body ? bodyProblems : {}), ...route.responses };
  for (const [status, r] of Object.entries(declared)) {
    const type = Number(status) >= 400 ? 'application/problem+json' : 'application/json';
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { [type]: { schema: toSchema(r.schema, 'output') } } } : {}),
    };
  }
  return {
    operationId: route.id,
    summary: route.summary,
    tags: route.tags,
    ...(route.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
    ...(route.roles ? { 'x-roles': route.roles } : {}),
    parameters: parameters(route),
    ...(route.request?.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.request.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES as readonly RouteDef[]) {
    if (route.path === '$default') continue;
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một cửa — API dịch vụ hành chính công / One-stop shop API',
      version: '1.0.0',
      description:
        'Tiếp nhận, xử lý, trả kết quả hồ sơ thủ tục hành chính; tra cứu theo mã hồ sơ. Lỗi theo RFC 9457 (application/problem+json). ' +
        'Receive, process and return administrative dossiers; track by dossier code. Errors are RFC 9457 problem details.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

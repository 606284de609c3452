/**
 * The API reference: the OpenAPI document (shared/api/openapi.ts) rendered on the server as one
 * page — operations grouped by tag, each a <details> (opens without script) with its access,
 * parameters, request body and responses.
 * No Swagger UI and no script; the JSON document stays the source, linked from the page.
 */
import { markup, type Html } from './html';
import { WORDS, type Lang } from './i18n';
import { API_REFERENCE_PATH, page } from './layout';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; description?: string; pattern?: string; enum?: unknown[] };
}
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
}

const refName = (ref: string | undefined) => ref?.split('/').pop();

function parameterTable(params: Parameter[], lang: Lang): Html {
  const w = WORDS[lang];
  return markup`<h4>${w.parameters}</h4>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${w.name}</th>
            <th scope="col">${w.in}</th>
            <th scope="col">${w.required}</th>
            <th scope="col">Schema</th>
          </tr>
        </thead>
        <tbody>
          ${params.map(
            (p) =>
              markup`<tr>
                <td><code>${p.name}</code></td>
                <td>${p.in}</td>
                <td>${p.required ? w.yes : w.no}</td>
                <td>
                  ${p.schema?.type ?? ''}${p.schema?.enum ? markup` <code>${p.schema.enum.join(' | ')}</code>` : ''}${(p.description ?? p.schema?.description) ? markup`<br /><span class="muted">${p.description ?? p.schema?.description}</span>` : ''}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function operationBlock(method: string, path: string, op: Operation, lang: Lang): Html {
  const w = WORDS[lang];
  const body = op.requestBody?.content ? Object.entries(op.requestBody.content) : [];
  const responses = Object.entries(op.responses ?? {});
  return markup`<details class="operation" id="${op.operationId}">
    <summary>
      <h3><span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>
      <span class="muted">${op.summary ?? ''}</span>
    </summary>
    <p class="muted">
      ${w.access}:
      ${(op.security ?? []).length === 0 ? (lang === 'en' ? 'public' : 'công khai') : 'Bearer JWT'} ·
      operationId <code>${op.operationId}</code>
    </p>
    ${(op.parameters ?? []).length > 0 ? parameterTable(op.parameters ?? [], lang) : ''}
    ${
      body.length > 0
        ? markup`<h4>${w.requestBody}</h4>
            <p>
              ${body.map(([type, c]) => markup`<code>${type}</code>: <code>${refName((c as { schema?: { $ref?: string } }).schema?.$ref) ?? 'object'}</code> `)}
            </p>`
        : ''
    }
    <h4>${w.responses}</h4>
    <ul class="plain">
      ${responses.map(
        ([status, r]) =>
          markup`<li>
            <strong>${status}</strong>
            ${r.description ?? ''}${r.content ? markup` — ${Object.keys(r.content).map((t, i) => markup`${i > 0 ? ', ' : ''}<code>${t}</code>`)}` : ''}
          </li>`,
      )}
    </ul>
  </details>`;
}

export function apiReferencePage(doc: OpenApiDocument, lang: Lang): string {
  const w = WORDS[lang];
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tags = doc.tags ?? [];
  const main = markup`<h1>${w.apiTitle}</h1>
    <p>${doc.info.title} — ${lang === 'en' ? 'version' : 'phiên bản'} ${doc.info.version}</p>
    <p>
      ${w.apiIntro} <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a>
    </p>
    <nav aria-label="${w.operations}">
      <ul class="plain">
        ${tags
          .filter((t) => operations.some((o) => o.op.tags?.includes(t.name)))
          .map((t) => markup`<li><a href="#tag-${t.name}">${t.name}</a> — ${t.description ?? ''}</li>`)}
      </ul>
    </nav>
    ${tags.map((t) => {
      const ops = operations.filter((o) => o.op.tags?.[0] === t.name);
      if (ops.length === 0) return '';
      return markup`<section aria-labelledby="tag-${t.name}">
        <h2 id="tag-${t.name}">${t.name}</h2>
        <p class="muted">${t.description ?? ''}</p>
        ${ops.map((o) => operationBlock(o.method, o.path, o.op, lang))}
      </section>`;
    })}`;
  return page({ lang, title: w.apiTitle, self: API_REFERENCE_PATH, main });
}

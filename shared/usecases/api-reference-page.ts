/**
 * The API reference page's use case, apart from the other public pages (public-pages.ts): it
 * renders the whole OpenAPI document, hence every route's schemas, which only this page's
 * function should load.
 */
import { buildOpenApiDocument } from '../api/openapi';
import type { PageAnswer } from '../pages/answer';
import { apiReferencePage, type OpenApiDocument } from '../pages/api-reference';
import type { Lang } from '../pages/i18n';
import { MAX_AGE } from './page-chrome';

/** Built once per container, per language: the document only changes with a deployment. */
const references = new Map<Lang, string>();

export function apiReferenceHtml(lang: Lang): PageAnswer {
  let html = references.get(lang);
  if (html === undefined) {
    html = apiReferencePage(buildOpenApiDocument() as unknown as OpenApiDocument, lang);
    references.set(lang, html);
  }
  return { status: 200, html, maxAge: MAX_AGE.reference };
}

/**
 * The catalog pages' use cases: the data each page shows, read through the same use cases as the
 * JSON routes (so a page never shows more than its JSON twin), rendered by shared/pages. The
 * tracking pages are in tracking-pages.ts, the cache lifetimes and chrome in page-chrome.ts, and
 * the API reference page in api-reference-page.ts (it builds the whole OpenAPI document): no
 * page's function bundles another page's use cases (issue 14 §1, §3).
 */
import type { CatalogQuery } from '../domain/catalog/search';
import { agenciesByCode } from '../data/catalog-reads';
import type { PageAnswer } from '../pages/answer';
import { catalogPage } from '../pages/catalog';
import type { Lang } from '../pages/i18n';
import { procedurePage } from '../pages/procedure';
import { findProcedures, procedureByCode } from './catalog';
import { MAX_AGE, chromeOf } from './page-chrome';
import type { PageRequest as ListPage } from './paging';

export async function catalogHtml(
  tenant: string,
  query: CatalogQuery & ListPage,
  lang: Lang,
): Promise<PageAnswer> {
  const [chrome, found] = await Promise.all([chromeOf(tenant, lang), findProcedures(tenant, query)]);
  return {
    status: 200,
    html: catalogPage({ ...found, q: query.q, field: query.field }, chrome),
    maxAge: MAX_AGE.catalog,
  };
}

export async function procedureHtml(tenant: string, code: string, lang: Lang): Promise<PageAnswer> {
  const [chrome, procedure, agencies] = await Promise.all([
    chromeOf(tenant, lang),
    procedureByCode(tenant, code),
    agenciesByCode(tenant),
  ]);
  return { status: 200, html: procedurePage(procedure, agencies, chrome), maxAge: MAX_AGE.catalog };
}

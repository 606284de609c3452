/**
 * The public pages' use cases: the data each page shows, read through the same use cases as the
 * JSON routes (so a page never shows more than its JSON twin), rendered by shared/pages.
 * Cache lifetimes fit how fast the data changes: a dossier moves within minutes, the catalog and
 * the API document change with an administrator's edit or a deployment. The API reference page is
 * in api-reference-page.ts: it builds the whole OpenAPI document, which no other page's function
 * should bundle (issue 14 §1).
 */
import type { CatalogQuery } from '../domain/catalog/search';
import { agenciesByCode } from '../data/catalog-repo';
import type { PageAnswer } from '../pages/answer';
import { catalogPage } from '../pages/catalog';
import { withLang, type Lang } from '../pages/i18n';
import { trackingPath } from '../pages/layout';
import { procedurePage } from '../pages/procedure';
import { trackingFormPage, trackingPage, type TenantChrome } from '../pages/tracking';
import { NotFoundError } from '../platform/errors';
import { findProcedures, procedureByCode } from './catalog';
import { track } from './dossier-views';
import { requireTenantSettings } from './tenant';
import type { PageRequest as ListPage } from './paging';

export const MAX_AGE = { tracking: 60, catalog: 300, reference: 300, form: 3600 } as const;

async function chromeOf(tenant: string, lang: Lang): Promise<TenantChrome> {
  const settings = await requireTenantSettings(tenant);
  return { tenant, lang, provinceName: settings.name };
}

export async function trackingHtml(tenant: string, code: string, lang: Lang): Promise<PageAnswer> {
  const chrome = await chromeOf(tenant, lang);
  try {
    const view = await track(tenant, code);
    return { status: 200, html: trackingPage(view, chrome), maxAge: MAX_AGE.tracking };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return {
      status: 404,
      html: trackingFormPage(chrome, { kind: 'notFound', code }),
      maxAge: MAX_AGE.tracking,
    };
  }
}

/** Without a code, the form; with one, on to the dossier's own URL (the one the QR codes print). */
export async function trackingFormHtml(
  tenant: string,
  code: string | undefined,
  lang: Lang,
): Promise<PageAnswer> {
  const chrome = await chromeOf(tenant, lang);
  if (code !== undefined)
    return { status: 303, location: withLang(trackingPath(tenant, code), lang), maxAge: MAX_AGE.form };
  return { status: 200, html: trackingFormPage(chrome), maxAge: MAX_AGE.form };
}

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

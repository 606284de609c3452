/**
 * The tracking pages' use cases (the dossier's page and the form to type its code), read through
 * the same use case as the JSON route (so the page never shows more than its JSON twin), rendered
 * by shared/pages/tracking.ts. Apart from the catalog pages (public-pages.ts) so that neither
 * function bundles the other's use cases (issue 14 §3).
 */
import type { PageAnswer } from '../pages/answer';
import { withLang, type Lang } from '../pages/i18n';
import { trackingPath } from '../pages/layout';
import { trackingFormPage, trackingPage } from '../pages/tracking';
import { NotFoundError } from '../platform/errors';
import { track } from './dossier-views';
import { MAX_AGE, chromeOf } from './page-chrome';

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

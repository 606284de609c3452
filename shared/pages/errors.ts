/** The page a browser gets when a public page cannot be served: 400, 404, 429 or (a bug) 500. */
import { markup } from './html';
import { WORDS, type Lang } from './i18n';
import { page } from './layout';
import { lookupForm } from './tracking';

export function errorPage(
  status: number,
  lang: Lang,
  tenant: string | undefined,
  self: string,
  /** The dossier code was malformed: say so, next to the form to type it again. */
  badCode: boolean,
): string {
  const w = WORDS[lang];
  // Public pages have no sign-in: their only 403 is a suspended province (tenant-gate.ts).
  const title =
    status === 404
      ? w.notFoundTitle
      : status === 403
        ? w.suspendedTitle
        : status === 429
          ? w.tooManyTitle
          : status < 500
            ? w.badRequestTitle
            : w.errorTitle;
  const main = markup`<h1>${title}</h1>
    <p class="notice" role="alert">${status >= 500 ? w.errorHint : badCode ? w.badCode : title}</p>
    ${tenant ? lookupForm({ tenant, lang }, '', badCode) : ''}`;
  return page({ lang, title, tenant, self, main });
}

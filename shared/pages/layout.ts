/**
 * The frame every public page shares: `lang`, skip link, header with the province's name,
 * navigation, one `main` landmark holding the page's single h1, footer. Links keep `?lang=en`.
 */
import { markup, trusted, type Html } from './html';
import { STYLESHEET } from './style';
import { WORDS, withLang, type Lang } from './i18n';

export interface PageFrame {
  lang: Lang;
  /** The document title; the page's h1 is in `main`. */
  title: string;
  /** The tenant whose pages these are; absent on pages of the whole API (the reference). */
  tenant?: string;
  /** The province's name from the tenant settings, shown in the header. */
  provinceName?: string;
  /** This page's own path and query, without `lang`, for the language switch. */
  self: string;
  main: Html;
}

export const catalogPath = (tenant: string) => `/v1/public/${tenant}/procedures`;
export const procedurePath = (tenant: string, code: string) =>
  `/v1/public/${tenant}/procedures/${encodeURIComponent(code)}`;
export const trackingFormPath = (tenant: string) => `/v1/public/${tenant}/dossiers`;
export const trackingPath = (tenant: string, code: string) =>
  `/v1/public/${tenant}/dossiers/${encodeURIComponent(code)}`;
export const API_REFERENCE_PATH = '/v1/docs';

export function page(frame: PageFrame): string {
  const w = WORDS[frame.lang];
  const other: Lang = frame.lang === 'vi' ? 'en' : 'vi';
  const link = (path: string) => withLang(path, frame.lang);
  const nav = [
    ...(frame.tenant
      ? [
          { href: link(catalogPath(frame.tenant)), text: w.navCatalog },
          { href: link(trackingFormPath(frame.tenant)), text: w.navTracking },
        ]
      : []),
    { href: link(API_REFERENCE_PATH), text: w.navApi },
  ];
  // The <style> element holds exactly STYLESHEET: the CSP allows it by the hash of that text.
  const doc = markup`<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${frame.provinceName ?? w.system}</title>
<style>${trusted(STYLESHEET)}</style>
</head>
<body>
<a class="skip" href="#main">${w.skip}</a>
<header class="site">
<p class="brand">${frame.provinceName ?? w.system}${frame.provinceName ? markup`<small>${w.system}</small>` : ''}</p>
<nav class="main" aria-label="${w.nav}"><ul>
${nav.map((n) => markup`<li><a href="${n.href}">${n.text}</a></li>`)}
<li><a href="${withLang(frame.self, other)}" lang="${other}" hreflang="${other}">${w.otherLang}</a></li>
</ul></nav>
</header>
<main id="main" tabindex="-1">
${frame.main}
</main>
<footer class="site"><p>${w.footer}</p></footer>
</body>
</html>
`;
  return doc.toString();
}

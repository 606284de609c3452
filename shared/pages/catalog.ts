/**
 * The procedure catalog page: a labelled search form (accent-insensitive, the API's own search) and
 * the matching procedures, a page at a time.
 */
import type { Procedure } from '../api/schemas/catalog';
import { allowanceText } from '../domain/dossier/labels';
import { feeText } from './format';
import { markup } from './html';
import { WORDS, withLang } from './i18n';
import { catalogPath, page, procedurePath } from './layout';
import type { TenantChrome } from './tracking';

export interface CatalogPageData {
  items: readonly Procedure[];
  count: number;
  nextCursor?: string;
  /** The search as typed, echoed in the box. */
  q?: string;
  field?: string;
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export function catalogPage(data: CatalogPageData, chrome: TenantChrome): string {
  const w = WORDS[chrome.lang];
  const base = catalogPath(chrome.tenant);
  const next = data.nextCursor
    ? withLang(`${base}${query({ q: data.q, field: data.field, cursor: data.nextCursor })}`, chrome.lang)
    : undefined;
  const main = markup`<h1>${w.catalogTitle}</h1>
    <form class="lookup" method="get" action="${base}" role="search" aria-label="${w.catalogTitle}">
      <div>
        <label for="q">${w.searchLabel}</label>
        <input type="search" id="q" name="q" value="${data.q ?? ''}" maxlength="200" />
      </div>
      ${data.field ? markup`<input type="hidden" name="field" value="${data.field}" />` : ''}
      ${chrome.lang === 'en' ? markup`<input type="hidden" name="lang" value="en" />` : ''}
      <button type="submit">${w.search}</button>
    </form>
    <p role="status">${data.count > 0 ? w.found(data.count) : w.noMatch}</p>
    <ul class="cards">
      ${data.items.map(
        (p) =>
          markup`<li>
            <h2><a href="${withLang(procedurePath(chrome.tenant, p.code), chrome.lang)}">${p.name}</a></h2>
            <p class="muted">${w.code}: ${p.code} · ${w.field}: ${p.field}</p>
            <p>${w.timeLimit}: ${allowanceText(p.time)} · ${w.fee}: ${feeText(p, chrome.lang)}</p>
          </li>`,
      )}
    </ul>
    ${next ? markup`<p><a href="${next}" rel="next">→ ${chrome.lang === 'en' ? 'Next page' : 'Trang sau'}</a></p>` : ''}`;
  return page({
    lang: chrome.lang,
    title: w.catalogTitle,
    tenant: chrome.tenant,
    provinceName: chrome.provinceName,
    self: `${base}${query({ q: data.q, field: data.field })}`,
    main,
  });
}

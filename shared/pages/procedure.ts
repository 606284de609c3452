/**
 * One procedure's page: documents required, fee, time limit, where to submit (the competent
 * agency and the counters that receive it), how far it is online, and its steps.
 */
import type { Agency, Procedure } from '../api/schemas/catalog';
import { allowanceText } from '../domain/dossier/labels';
import { feeText } from './format';
import { markup } from './html';
import { WORDS, withLang } from './i18n';
import { catalogPath, page, procedurePath } from './layout';
import type { TenantChrome } from './tracking';

export function procedurePage(
  procedure: Procedure,
  agencies: ReadonlyMap<string, Agency>,
  chrome: TenantChrome,
): string {
  const w = WORDS[chrome.lang];
  const competent =
    procedure.competent === 'commune'
      ? w.communeCompetent
      : (agencies.get(procedure.competent)?.name ?? procedure.competent);
  // A commune procedure is received at the communes' counters; a provincial one at any counter (the
  // one-stop shop receives across levels), the provincial centre first.
  const points = [...agencies.values()]
    .filter((a) => a.receptionPoint && (procedure.level === 'province' || a.level === 'commune'))
    .sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'province' ? -1 : 1));
  const fee = feeText(procedure, chrome.lang);
  const main = markup`<p>
      <a href="${withLang(catalogPath(chrome.tenant), chrome.lang)}">← ${w.backToCatalog}</a>
    </p>
    <h1>${procedure.name}</h1>
    <dl class="facts">
      <dt>${w.code}</dt>
      <dd>${procedure.code}</dd>
      <dt>${w.field}</dt>
      <dd>${procedure.field}</dd>
      <dt>${w.timeLimit}</dt>
      <dd>${allowanceText(procedure.time)}${procedure.onTheSpot ? markup` (${w.onTheSpot})` : ''}</dd>
      <dt>${w.fee}</dt>
      <dd>${fee}</dd>
      <dt>${w.onlineLevel}</dt>
      <dd>${w.online[procedure.online]}</dd>
      <dt>${w.competent}</dt>
      <dd>${competent}</dd>
    </dl>
    <section aria-labelledby="docs-h">
      <h2 id="docs-h">${w.documents}</h2>
      ${
        procedure.documents.length > 0
          ? markup`<ul class="plain">
              ${procedure.documents.map((d) => markup`<li>${d}</li>`)}
            </ul>`
          : markup`<p>${w.noDocuments}</p>`
      }
    </section>
    <section aria-labelledby="where-h">
      <h2 id="where-h">${w.whereToSubmit}</h2>
      <h3>${w.receptionPoints}</h3>
      <ul class="plain">
        ${points.map((a) => markup`<li>${a.name}${a.address ? markup`<br /><span class="muted">${a.address}</span>` : ''}</li>`)}
      </ul>
    </section>
    <section aria-labelledby="steps-h">
      <h2 id="steps-h">${w.procedureSteps}</h2>
      <ol class="steps">
        ${procedure.steps.map(
          (s) =>
            markup`<li>
              ${s.name}${s.agency ? markup` — ${agencies.get(s.agency)?.name ?? s.agency}` : ''}
              <span class="muted"
                >(${allowanceText(s.days !== undefined ? { workingDays: s.days } : { workingHours: s.hours })})</span
              >
            </li>`,
        )}
      </ol>
    </section>`;
  return page({
    lang: chrome.lang,
    title: procedure.name,
    tenant: chrome.tenant,
    provinceName: chrome.provinceName,
    self: procedurePath(chrome.tenant, procedure.code),
    main,
  });
}

/**
 * The tracking page: what a citizen sees after scanning the QR code of a printed form, and the
 * form to type a code. It renders the public tracking view only (shared/domain/dossier/views.ts),
 * which has no ID number, phone, email or address and a masked name, so the page cannot leak them.
 */
import type * as z from 'zod/mini';
import type { trackingView } from '../api/schemas/dossier';
import { vnDateTime } from './format';
import { markup, type Html } from './html';
import { WORDS, type Lang } from './i18n';
import { page, trackingFormPath } from './layout';

export type TrackingView = z.output<typeof trackingView>;

export interface TenantChrome {
  tenant: string;
  provinceName?: string;
  lang: Lang;
}

const when = (iso: string | null | undefined, none: string) => (iso ? vnDateTime(iso) : none);

/** The code form: a GET to the tracking form route, which sends the reader on to the dossier. */
export function lookupForm(chrome: TenantChrome, value = '', invalid = false): Html {
  const w = WORDS[chrome.lang];
  return markup`<form
    class="lookup"
    method="get"
    action="${trackingFormPath(chrome.tenant)}"
    role="search"
    aria-label="${w.trackingTitle}"
  >
    <div>
      <label for="code">${w.codeLabel}</label>
      <input
        type="text"
        id="code"
        name="code"
        value="${value}"
        required
        maxlength="40"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="code-hint"
        ${invalid ? markup` aria-invalid="true"` : ''}
      />
      <p class="hint" id="code-hint">${w.codeHint}</p>
    </div>
    ${chrome.lang === 'en' ? markup`<input type="hidden" name="lang" value="en" />` : ''}
    <button type="submit">${w.lookUp}</button>
  </form>`;
}

export function trackingPage(view: TrackingView, chrome: TenantChrome): string {
  const w = WORDS[chrome.lang];
  const deadline = w.deadlineStates?.[view.deadline.state] ?? view.deadline.label;
  const late = view.deadline.state === 'late' || view.deadline.state === 'overdue';
  const main = markup`<h1>${w.trackingTitle}</h1>
    <section aria-labelledby="dossier-h">
      <h2 id="dossier-h">${w.dossier} <span class="code">${view.code}</span></h2>
      <dl class="facts">
        <dt>${w.procedure}</dt>
        <dd>${view.procedure.name}</dd>
        <dt>${w.applicant}</dt>
        <dd>${view.applicantName}</dd>
        <dt>${w.status}</dt>
        <dd><span class="status">${view.statusLabel}</span></dd>
        <dt>${w.receivingAgency}</dt>
        <dd>${view.receivingAgency.name}</dd>
        <dt>${w.submittedAt}</dt>
        <dd>${vnDateTime(view.submittedAt)}</dd>
        <dt>${w.receivedAt}</dt>
        <dd>${when(view.receivedAt, w.none)}</dd>
        <dt>${w.appointmentAt}</dt>
        <dd>${when(view.appointmentAt, w.none)}</dd>
        <dt>${w.timeliness}</dt>
        <dd><span class="status${late ? ' late' : ''}">${deadline}</span></dd>
      </dl>
    </section>
    <section aria-labelledby="steps-h">
      <h2 id="steps-h">${w.steps}</h2>
      <ol class="steps">
        ${view.steps.map(
          (s) =>
            markup`<li>
              <strong>${s.name}</strong> — ${s.agencyName ?? s.agency}<br />
              <span class="muted"
                >${w.stepStates[s.status]}${s.dueAt ? markup` · ${w.due}: ${vnDateTime(s.dueAt)}` : ''}${s.finishedAt ? markup` · ${w.done}: ${vnDateTime(s.finishedAt)}` : ''}</span
              >
            </li>`,
        )}
      </ol>
    </section>
    <section aria-labelledby="history-h">
      <h2 id="history-h">${w.history}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${w.when}</th>
              <th scope="col">${w.what}</th>
              <th scope="col">${w.agency}</th>
            </tr>
          </thead>
          <tbody>
            ${view.timeline.map(
              (e) =>
                markup`<tr>
                  <td>${vnDateTime(e.at)}</td>
                  <td>${e.label}</td>
                  <td>${e.agency ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="again-h">
      <h2 id="again-h">${w.navTracking}</h2>
      ${lookupForm(chrome)}
    </section>`;
  return page({
    lang: chrome.lang,
    title: `${w.dossier} ${view.code}`,
    tenant: chrome.tenant,
    provinceName: chrome.provinceName,
    self: `/v1/public/${chrome.tenant}/dossiers/${view.code}`,
    main,
  });
}

/** The code form alone; with a message when the code typed was malformed or names no dossier. */
export function trackingFormPage(
  chrome: TenantChrome,
  problem?: { kind: 'badCode' | 'notFound'; code: string },
): string {
  const w = WORDS[chrome.lang];
  const message = problem
    ? problem.kind === 'badCode'
      ? w.badCode
      : w.notFoundDossier(problem.code)
    : undefined;
  const main = markup`<h1>${problem?.kind === 'notFound' ? w.notFoundTitle : w.trackingTitle}</h1>
    ${message ? markup`<p class="notice" role="alert">${message}</p>` : ''}
    ${lookupForm(chrome, problem?.code ?? '', problem?.kind === 'badCode')}`;
  return page({
    lang: chrome.lang,
    title: problem?.kind === 'notFound' ? w.notFoundTitle : w.trackingTitle,
    tenant: chrome.tenant,
    provinceName: chrome.provinceName,
    self: trackingFormPath(chrome.tenant),
    main,
  });
}

import { trackDossierContract } from '../../shared/api/contracts/trackDossier';
import { trackDossierMeta } from '../../shared/api/route-meta/trackDossier';
import { httpHandler } from '../../shared/platform/http';
import { negotiated, pageHandler } from '../../shared/platform/page-handler';
import { track } from '../../shared/usecases/dossier-views';
import { trackingHtml } from '../../shared/usecases/tracking-pages';

/**
 * Public: no login, no personal data (see trackingView). The URL the forms' QR codes print, so a
 * browser (a phone that scanned one) gets the HTML page and an API client keeps the JSON.
 */
const json = httpHandler(trackDossierMeta, trackDossierContract, async ({ params, annotate }) => {
  annotate({ dossierCode: params.code });
  return {
    status: 200,
    body: await track(params.tenant, params.code),
    headers: { 'cache-control': 'no-store' },
  };
});

const page = pageHandler(trackDossierMeta, trackDossierContract, async ({ params, lang, annotate }) => {
  annotate({ dossierCode: params.code });
  return trackingHtml(params.tenant, params.code, lang);
});

export const handler = negotiated(json, page);

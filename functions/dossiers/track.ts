import { httpHandler } from '../../shared/platform/http';
import { track } from '../../shared/usecases/dossier-views';

/** Public: no login, no personal data (see trackingView). */
export const handler = httpHandler('trackDossier', async ({ params, annotate }) => {
  annotate({ dossierCode: params.code });
  return {
    status: 200,
    body: await track(params.tenant, params.code),
    headers: { 'cache-control': 'no-store' },
  };
});

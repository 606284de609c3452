import { httpHandler } from '../../shared/platform/http';
import { fullView } from '../../shared/usecases/dossier-views';
import { actOnDossier } from '../../shared/usecases/processing';

export const handler = httpHandler('actOnDossier', async ({ params, body, principal, annotate }) => {
  annotate({ dossierCode: params.code, action: body.action });
  return { status: 200, body: await fullView(await actOnDossier(principal, params.code, body)) };
});

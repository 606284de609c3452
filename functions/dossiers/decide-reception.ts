import { httpHandler } from '../../shared/platform/http';
import { decideOnDossier } from '../../shared/usecases/reception';
import { fullView } from '../../shared/usecases/dossier-views';

export const handler = httpHandler('decideReception', async ({ params, body, principal, annotate }) => {
  annotate({ dossierCode: params.code });
  const dossier = await decideOnDossier(principal, params.code, body);
  return { status: 200, body: await fullView(dossier) };
});

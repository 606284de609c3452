import { httpHandler } from '../../shared/platform/http';
import { dossierFor, fullView } from '../../shared/usecases/dossier-views';

export const handler = httpHandler('getDossier', async ({ params, principal, annotate }) => {
  annotate({ dossierCode: params.code });
  return { status: 200, body: await fullView(await dossierFor(principal, params.code)) };
});

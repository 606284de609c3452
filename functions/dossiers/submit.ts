import { httpHandler } from '../../shared/platform/http';
import { submitDossier } from '../../shared/usecases/reception';
import { fullView } from '../../shared/usecases/dossier-views';

export const handler = httpHandler('submitDossier', async ({ body, principal, annotate }) => {
  const dossier = await submitDossier(principal, body);
  annotate({ dossierCode: dossier.code });
  return { status: 201, body: await fullView(dossier), headers: { location: `/v1/dossiers/${dossier.code}` } };
});

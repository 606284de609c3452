import { getDossierContract } from '../../shared/api/contracts/getDossier';
import { httpHandler } from '../../shared/platform/http';
import { readFullView } from '../../shared/usecases/dossier-views';

export const handler = httpHandler(getDossierContract, async ({ params, principal, annotate }) => {
  annotate({ dossierCode: params.code });
  return { status: 200, body: await readFullView(principal, params.code) };
});

import { getDossierContract } from '../../shared/api/contracts/getDossier';
import { getDossierMeta } from '../../shared/api/route-meta/getDossier';
import { httpHandler } from '../../shared/platform/http';
import { readFullView } from '../../shared/usecases/dossier-views';

export const handler = httpHandler(
  getDossierMeta,
  getDossierContract,
  async ({ params, principal, annotate }) => {
    annotate({ dossierCode: params.code });
    return { status: 200, body: await readFullView(principal, params.code) };
  },
);

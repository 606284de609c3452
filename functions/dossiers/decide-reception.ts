import { decideReceptionContract } from '../../shared/api/contracts/decideReception';
import { decideReceptionMeta } from '../../shared/api/route-meta/decideReception';
import { httpHandler } from '../../shared/platform/http';
import { decideOnDossier } from '../../shared/usecases/reception';

export const handler = httpHandler(
  decideReceptionMeta,
  decideReceptionContract,
  async ({ params, body, principal, idempotency, annotate }) => {
    annotate({ dossierCode: params.code });
    const { result: view } = await decideOnDossier(principal, params.code, body, idempotency);
    return { status: 200, body: view };
  },
);

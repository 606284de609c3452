import { actOnDossierContract } from '../../shared/api/contracts/actOnDossier';
import { actOnDossierMeta } from '../../shared/api/route-meta/actOnDossier';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { httpHandler } from '../../shared/platform/http';
import { metrics } from '../../shared/platform/observability';
import { actOnDossier } from '../../shared/usecases/processing';

export const handler = httpHandler(
  actOnDossierMeta,
  actOnDossierContract,
  async ({ params, body, principal, annotate }) => {
    annotate({ dossierCode: params.code, action: body.action });
    const view = await actOnDossier(principal, params.code, body);
    metrics.addDimensions({ action: body.action });
    metrics.addMetric('DossierActions', MetricUnit.Count, 1);
    return { status: 200, body: view };
  },
);

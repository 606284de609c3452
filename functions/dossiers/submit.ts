import { submitDossierContract } from '../../shared/api/contracts/submitDossier';
import { submitDossierMeta } from '../../shared/api/route-meta/submitDossier';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { httpHandler } from '../../shared/platform/http';
import { metrics } from '../../shared/platform/observability';
import { submitDossier } from '../../shared/usecases/reception';

export const handler = httpHandler(
  submitDossierMeta,
  submitDossierContract,
  async ({ body, principal, idempotency, annotate }) => {
    const { result: view, replayed } = await submitDossier(principal, body, idempotency);
    annotate({ dossierCode: view.code });
    // A retry answered from its key submitted nothing.
    if (!replayed) {
      metrics.addDimensions({ channel: view.channel, status: view.status });
      metrics.addMetric('DossiersSubmitted', MetricUnit.Count, 1);
    }
    return { status: 201, body: view, headers: { location: `/v1/dossiers/${view.code}` } };
  },
);

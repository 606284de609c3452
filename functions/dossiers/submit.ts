import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { httpHandler } from '../../shared/platform/http';
import { metrics } from '../../shared/platform/observability';
import { submitDossier } from '../../shared/usecases/reception';
import { fullView } from '../../shared/usecases/dossier-views';

export const handler = httpHandler('submitDossier', async ({ body, principal, annotate }) => {
  const { dossier, agencies } = await submitDossier(principal, body);
  annotate({ dossierCode: dossier.code });
  metrics.addDimensions({ channel: dossier.channel, status: dossier.status });
  metrics.addMetric('DossiersSubmitted', MetricUnit.Count, 1);
  return {
    status: 201,
    body: await fullView(dossier, agencies),
    headers: { location: `/v1/dossiers/${dossier.code}` },
  };
});

import { trackingFormContract } from '../../shared/api/contracts/trackingForm';
import { trackingFormMeta } from '../../shared/api/route-meta/trackingForm';
import { pageHandler } from '../../shared/platform/page-handler';
import { trackingFormHtml } from '../../shared/usecases/tracking-pages';

/** Public: the form to type a dossier code; `?code=` redirects to the dossier's tracking page. */
export const handler = pageHandler(trackingFormMeta, trackingFormContract, async ({ params, query, lang }) =>
  trackingFormHtml(params.tenant, query.code, lang),
);

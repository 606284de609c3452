/**
 * Printable forms of a dossier (issue 13 §1): read what was recorded, build the form (pure,
 * shared/domain/forms), draw it as a PDF (shared/forms/render.ts). Who may fetch a form is who may
 * see the dossier (dossier-views.ts); the applicant, with a citizen token, gets the receipt (01)
 * they hold, and the notices meant for staff to sign and hand over stay with staff.
 */
import { trackDossierMeta } from '../api/route-meta/trackDossier';
import { buildForm, type FormId } from '../domain/forms';
import type { FormIdentity } from '../domain/forms/model';
import { agenciesByCode } from '../data/catalog-reads';
import { listDossierEvents } from '../data/dossier-lists';
import { openReceiptSecret } from '../data/receipt-secret-repo';
import { renderFormPdf } from '../forms/render';
import { ENV, requireEnv } from '../platform/env';
import { ForbiddenError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { dossierFor } from './dossier-views';
import { dossierFacts } from '../domain/policy';
import { allows } from '../platform/authorize';
import { recordDossierRead } from './audit';
import { requireTenantSettings } from './tenant';

/** Forms an applicant may fetch with a citizen token. */
const APPLICANT_FORMS: readonly FormId[] = ['01'];

/** `<PUBLIC_BASE_URL>/v1/public/<tenant>/dossiers/<code>`: the tracking route's own path. */
export function trackingUrl(baseUrl: string, tenant: string, code: string): string {
  const path = trackDossierMeta.path
    .replace('{tenant}', encodeURIComponent(tenant))
    .replace('{code}', encodeURIComponent(code));
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

export async function dossierFormPdf(principal: Principal, code: string, form: FormId) {
  const dossier = await dossierFor(principal, code, 'dossier.receipt');
  if (!APPLICANT_FORMS.includes(form) && !allows(principal, 'dossier.staffForms', dossierFacts(dossier)))
    throw new ForbiddenError(
      `Người nộp chỉ lấy được Giấy tiếp nhận (mẫu 01); mẫu ${form} do cán bộ in và trao / the applicant may fetch form 01 only`,
    );
  const [events, agencies, settings, receiptSecret] = await Promise.all([
    listDossierEvents(dossier.tenant, dossier.code),
    agenciesByCode(dossier.tenant),
    requireTenantSettings(dossier.tenant),
    // Form 01 prints the receipt secret: a reprint prints the same one (issue 11 §7).
    form === '01' ? openReceiptSecret(dossier.tenant, dossier.code) : undefined,
  ]);
  const identity: FormIdentity = {
    tenantName: settings.name,
    ...(settings.forms?.place ? { place: settings.forms.place } : {}),
    counters: settings.forms?.counters ?? [],
  };
  // Read per call: the variable is set by the offline cloud once its own address is known.
  const url = trackingUrl(requireEnv(ENV.publicBaseUrl), dossier.tenant, dossier.code);
  const model = buildForm(form, {
    dossier,
    events,
    agencies,
    identity,
    trackingUrl: url,
    ...(receiptSecret ? { receiptSecret } : {}),
  });
  // Every form prints the applicant's name, ID number, address or phone.
  await recordDossierRead(principal, dossier.code);
  return {
    bytes: await renderFormPdf(model, { author: settings.name }),
    fileName: `${dossier.code}-mau-${form}.pdf`,
  };
}

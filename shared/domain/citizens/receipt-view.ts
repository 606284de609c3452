/**
 * What a receipt holder sees (issue 11 §7): the dossier as its applicant sees it signed in — status,
 * steps and their dates, supplement requests, pauses, refusal, apology, result — with the applicant
 * reduced to their kind and masked name, as public tracking shows it. The contact data (ID number,
 * phone, e-mail, address) is printed on the receipt they hold; the API does not repeat it to
 * whoever learnt the secret alone, so it is never opened for this caller (nothing to audit either).
 */
import type { Agency } from '../catalog/model';
import type { Dossier } from '../dossier/model';
import { dossierView } from '../dossier/views';
import { maskName } from '../text';

type AgencyNames = ReadonlyMap<string, Pick<Agency, 'name'>>;

/** The caller a receipt secret makes: a member of the public, for that one dossier. */
export const receiptHolder = (tenant: string, code: string) => ({
  subject: `receipt:${code}`,
  tenant,
  roles: ['citizen'] as const,
  receiptFor: code,
});

/** Who the history names when a receipt holder acts (they have no username). */
export const RECEIPT_HOLDER_NAME = 'người nộp (mã bí mật)';

export function receiptHolderView(dossier: Dossier, agencies: AgencyNames) {
  const a = dossier.applicant;
  const applicant = {
    kind: a.kind,
    name: a.kind === 'organization' && a.organizationName ? a.organizationName : maskName(a.name),
  };
  const full = dossierView(dossier, agencies);
  return {
    ...full,
    applicant,
    ...(full.receipt ? { receipt: { ...full.receipt, applicant } } : {}),
  };
}

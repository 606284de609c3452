/**
 * Sealing and opening personal data where it is stored (issue 11 §5): the data layer seals on
 * write; opening is for the callers that may see it (shared/usecases/personal-data.ts decides).
 */
import type { Applicant, Dossier } from '../domain/dossier/model';
import {
  idNumberHash,
  isSealed,
  openApplicant,
  openValue,
  sealApplicant,
  sealedKeyVersion,
  sealValue,
  SEALED_APPLICANT_FIELDS,
  type SealContext,
} from '../domain/personal-data/seal';
import { keyRing, NoDataKeyError, tenantKeys } from './personal-data-keys';

const versionsIn = (values: readonly unknown[]) =>
  values.filter(isSealed).map((v) => sealedKeyVersion(v) as number);

/** The dossier as stored: the applicant's personal fields sealed, and the ID number's keyed hash. */
export async function sealDossier(dossier: Dossier): Promise<{ body: Dossier; idHash: string }> {
  const keys = await tenantKeys(dossier.tenant);
  const where = { tenant: dossier.tenant, record: dossier.code };
  const applicant = sealApplicant(keys, where, dossier.applicant);
  // The hash needs the clear number: from the caller's dossier if clear, else opened once.
  const clearId = isSealed(dossier.applicant.idNumber)
    ? (await openDossier(dossier)).applicant.idNumber
    : dossier.applicant.idNumber;
  return { body: { ...dossier, applicant }, idHash: idNumberHash(keys, clearId) };
}

/** The dossier with its applicant's fields in clear (for a caller allowed to see them). */
export async function openDossier(dossier: Dossier): Promise<Dossier> {
  const sealed = SEALED_APPLICANT_FIELDS.map((f) => dossier.applicant[f]);
  if (versionsIn(sealed).length === 0) return dossier;
  const ring = await keyRing(dossier.tenant, versionsIn(sealed));
  const applicant: Applicant = openApplicant(
    ring.of,
    { tenant: dossier.tenant, record: dossier.code },
    dossier.applicant,
  );
  return { ...dossier, applicant };
}

/**
 * The keyed hash a search by ID number looks for, in the tenant's current key; undefined when the
 * tenant has no key yet (nothing was ever sealed, so nothing can match).
 */
export async function idNumberSearchHash(tenant: string, idNumber: string): Promise<string | undefined> {
  try {
    return idNumberHash(await tenantKeys(tenant, undefined, { create: false }), idNumber);
  } catch (error) {
    if (error instanceof NoDataKeyError) return undefined;
    throw error;
  }
}

/** A sealer for whole texts (stored answers, webhook bodies), ready before a synchronous write. */
export async function textSealer(tenant: string) {
  const keys = await tenantKeys(tenant);
  return (context: Omit<SealContext, 'tenant'>, text: string) =>
    sealValue(keys, { tenant, ...context }, text);
}

/** Opens a text sealed by `textSealer`; a text stored before sealing began is returned as is. */
export async function openText(context: SealContext, stored: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  const ring = await keyRing(context.tenant, versionsIn([stored]));
  return openValue(ring.of(sealedKeyVersion(stored) as number), context, stored);
}

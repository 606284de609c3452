import { NotFoundError } from '../platform/errors';

/**
 * The 404 of a dossier code the caller may not learn anything about: public tracking's answer to an
 * unknown code, and the receipt routes' answer to a wrong or missing secret, worded once so the two
 * cannot be told apart.
 */
export const unknownDossier = (code: string) =>
  new NotFoundError(`Không có hồ sơ ${code} / no dossier ${code}`);

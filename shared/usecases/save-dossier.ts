/** Saving a changed dossier under optimistic locking: a concurrent change answers 409 with the version now. */
import type { Dossier, DossierEvent } from '../domain/dossier/model';
import { outboxFor } from '../domain/dossier/outbox';
import { getDossier } from '../data/dossier-read';
import { saveDossier, VersionConflictError } from '../data/dossier-repo';
import type { KeyRecordPut } from '../data/idempotency-repo';
import { ConflictError } from '../platform/errors';

export const staleDossier = (currentVersion: number | undefined) =>
  new ConflictError('Hồ sơ đã thay đổi, hãy tải lại / the dossier changed: reload and retry', {
    currentVersion,
  });

/**
 * Saves `next` (read as `current`) with its history lines and the outbox events they announce, and
 * with `takeKey` the request's Idempotency-Key record, in one transaction.
 */
export async function saveChange(
  current: Dossier,
  next: Dossier,
  events: readonly DossierEvent[],
  takeKey?: KeyRecordPut,
): Promise<void> {
  try {
    await saveDossier(next, current.version, events, outboxFor(current.clockVersion, next, events), takeKey);
  } catch (error) {
    if (error instanceof VersionConflictError)
      throw staleDossier((await getDossier(current.tenant, current.code))?.version);
    throw error;
  }
}

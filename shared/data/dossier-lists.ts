/**
 * A dossier's history and alarms, and the work queues: the dossier reads that query (apart from
 * dossier-repo.ts's writes, issue 14: a route that lists bundles dynamodb-toolbox's Query, not its
 * update and transaction builders).
 */
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { Dossier, DossierEvent } from '../domain/dossier/model';
import type { AlarmType } from '../domain/lifecycle/event-types';
import { DeadlineMarkEntity } from './entities/deadline-mark';
import { DossierEntity } from './entities/dossier';
import { DossierEventEntity } from './entities/dossier-event';
import { SORT_KEY_PREFIX, TABLE_KEYS } from './keys';
import { MainTable } from './main-table';
import { collectPages } from './pages';
import { dossierPk, queueKey } from './partition-keys';
import { queryAllByPrefix } from './query';

/** The dossier's history, oldest first. */
export async function listDossierEvents(tenant: string, code: string): Promise<DossierEvent[]> {
  const items = await queryAllByPrefix(
    DossierEventEntity,
    dossierPk(tenant, code),
    SORT_KEY_PREFIX.dossierEvent,
  );
  return items.map((item) => item.event as DossierEvent);
}

export interface QueueEntry {
  /** The dossier's position in the queue; the next page starts after it. */
  position: string;
  dossier: Dossier;
  /** UTC ISO; absent on dossiers last saved before it was recorded. */
  updatedAt?: string;
}

/**
 * Narrows a queue: by status, and to dossiers saved at or after an instant (UTC ISO). Applied by
 * DynamoDB after the key condition on the queue's own partition: never a scan, and the page still
 * fills (pages are read until `limit` items pass).
 */
export interface QueueFilter {
  status?: string;
  updatedSince?: string;
  /** The keyed hash of an ID number (shared/data/personal-data.ts `idNumberSearchHash`). */
  idHash?: string;
}

/** Up to `limit` dossiers waiting at an agency for a role, in queue order, after `after`. */
export async function listQueue(
  tenant: string,
  agency: string,
  role: string,
  page: { after?: string; limit: number },
  filter: QueueFilter = {},
): Promise<QueueEntry[]> {
  const partition = queueKey(tenant, agency, role);
  const range = page.after === undefined ? {} : { range: { gt: page.after } };
  const conditions = [
    ...(filter.status === undefined ? [] : [{ attr: 'status' as const, eq: filter.status }]),
    ...(filter.updatedSince === undefined ? [] : [{ attr: 'updatedAt' as const, gte: filter.updatedSince }]),
    ...(filter.idHash === undefined ? [] : [{ attr: 'idHash' as const, eq: filter.idHash }]),
  ];
  const filters =
    conditions.length === 0 ? {} : { filters: { [DossierEntity.entityName]: { and: conditions } } };
  const items = await collectPages(
    (exclusiveStartKey) =>
      MainTable.build(QueryCommand)
        .entities(DossierEntity)
        .query({ index: TABLE_KEYS.gsi1.name, partition, ...range })
        .options({ exclusiveStartKey, maxPages: 1, limit: page.limit, ...(filters as object) })
        .send(),
    page.limit,
  );
  return items.map((item) => ({
    position: item.queueOrder ?? '',
    dossier: item.body as Dossier,
    updatedAt: item.updatedAt,
  }));
}

export async function listAlarms(tenant: string, code: string) {
  const items = await queryAllByPrefix(
    DeadlineMarkEntity,
    dossierPk(tenant, code),
    SORT_KEY_PREFIX.deadlineMark,
  );
  // Only recordAlarm writes these items, always with an AlarmType.
  return items.map(({ id, type, firedAt, dueAt, stepIndex }) => ({
    id,
    type: type as AlarmType,
    firedAt,
    dueAt,
    stepIndex,
  }));
}

/**
 * The dossier store. Every state change is one transaction: the dossier item (conditional on the
 * version it was read at), its history lines and its outbox events (one transaction: no change without its event, no event without its change).
 */
import { randomUUID } from 'node:crypto';
import { UpdateItemCommand, $add } from 'dynamodb-toolbox/entity/actions/update';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { Dossier, DossierEvent } from '../domain/dossier/model';
import type { OutboxMessage } from '../domain/dossier/outbox';
import type { AlarmType } from '../domain/lifecycle/event-types';
import { clock } from '../platform/clock';
import { DeadlineMarkEntity } from './entities/deadline-mark';
import { DossierEntity } from './entities/dossier';
import { DossierEventEntity } from './entities/dossier-event';
import { OutboxEntity } from './entities/outbox';
import { SequenceEntity } from './entities/sequence';
import { queueKey } from './partition-keys';
import { keyFailure, type KeyRecordPut } from './idempotency-repo';
import { queueOrder } from './keys';
import { sealDossier } from './personal-data';
import { receiptSecretPut, type StoredReceiptSecret } from './receipt-secret-repo';
import { cancellationCodes, lostToConcurrentChange } from './transactions';

const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

/**
 * An outbox item's TTL (epoch seconds), counted from the instant it announces. That instant comes
 * from the shared clock like every other time the dossier records, so offline (where the clock is
 * moved) an event's `occurredAt` is on the same timeline as the history line it announces.
 */
const outboxExpiresAt = (occurredAt: Date) =>
  Math.floor(occurredAt.getTime() / 1000) + OUTBOX_RETENTION_SECONDS;

/** Thrown when the dossier changed since it was read: the caller answers 409 with the current version. */
export class VersionConflictError extends Error {
  constructor(readonly code: string) {
    super(`dossier ${code} changed concurrently`);
    this.name = 'VersionConflictError';
  }
}

/**
 * The next number of a receiving agency's daily sequence. An atomic counter: under any
 * concurrency each call gets its own number, so a dossier code never repeats.
 */
export async function nextSequence(tenant: string, agency: string, day: string): Promise<number> {
  const { Attributes } = await SequenceEntity.build(UpdateItemCommand)
    .item({ tenant, agency, day, value: $add(1) })
    .options({ returnValues: 'UPDATED_NEW' })
    .send();
  const value = Attributes?.value;
  if (typeof value !== 'number') throw new Error('sequence update returned no value');
  return value;
}

function writes(dossier: Dossier, events: readonly DossierEvent[], outbox: readonly OutboxMessage[]) {
  const { tenant, code } = dossier;
  const eventPuts = events.map((event, n) =>
    DossierEventEntity.build(PutTransaction).item({
      tenant,
      code,
      seq: `${event.at}#${String(dossier.version).padStart(6, '0')}#${n}`,
      event,
    }),
  );
  // One change, one instant: every event the transaction announces occurred when it was written.
  const now = clock.now();
  const occurredAt = now.toISOString();
  const expiresAt = outboxExpiresAt(now);
  const outboxPuts = outbox.map((message) =>
    OutboxEntity.build(PutTransaction).item({
      tenant,
      code,
      id: message.id ?? `${occurredAt}#${message.type}#${randomUUID()}`,
      type: message.type,
      occurredAt,
      payload: { tenant, code, version: dossier.version, ...message.payload },
      expiresAt,
    }),
  );
  return [...eventPuts, ...outboxPuts];
}

/** Where the dossier waits in a work queue: its current step's agency and role, in queue order. */
function queuePlacement(dossier: Dossier) {
  const step = dossier.currentStep === null ? undefined : dossier.steps[dossier.currentStep];
  if (!step) return {};
  return {
    queueKey: queueKey(dossier.tenant, step.agency, step.role),
    queueOrder: queueOrder(step, dossier.code, dossier.status === 'paused'),
  };
}

/**
 * The dossier item. The applicant's ID number, phone, e-mail and address are sealed in the body
 * (shared/data/personal-data.ts), with the ID number's keyed hash beside them for search; every
 * dossier read gives them sealed, and only shared/usecases/personal-data.ts opens them.
 */
const dossierItem = async (dossier: Dossier) => {
  const { body, idHash } = await sealDossier(dossier);
  return { ...plainDossierItem(dossier), idHash, body };
};

const plainDossierItem = (dossier: Dossier) => ({
  tenant: dossier.tenant,
  code: dossier.code,
  status: dossier.status,
  receivingAgency: dossier.receivingAgency,
  competentAgency: dossier.competentAgency,
  version: dossier.version,
  ...queuePlacement(dossier),
  updatedAt: clock.now().toISOString(),
});

/**
 * The dossier, its history lines and outbox items in one transaction, if `condition` holds; with
 * `takeKey`, the Idempotency-Key record too (second item), so the key is taken with the change.
 * A key already taken wins over a version conflict: the caller answers with the key's record.
 */
async function writeDossier(
  dossier: Dossier,
  condition: { attr: 'code'; exists: false } | { attr: 'version'; eq: number },
  events: readonly DossierEvent[],
  outbox: readonly OutboxMessage[],
  takeKey?: KeyRecordPut,
  receipt?: StoredReceiptSecret,
): Promise<void> {
  try {
    await execute(
      DossierEntity.build(PutTransaction)
        .item(await dossierItem(dossier))
        .options({ condition }),
      ...(takeKey ? [takeKey] : []),
      ...writes(dossier, events, outbox),
      // Last, so the indexes the cancellation reasons are read at stay those of the items above.
      ...(receipt ? [receiptSecretPut(dossier.tenant, dossier.code, receipt)] : []),
    );
  } catch (error) {
    const keyError = takeKey ? keyFailure(error, 1) : undefined;
    if (keyError) throw keyError;
    if (lostToConcurrentChange(error, 0)) throw new VersionConflictError(dossier.code);
    throw error;
  }
}

/**
 * Records a new dossier, with its receipt secret (sealed and hashed) when given; fails if the code
 * exists (it cannot, the sequence is atomic: a guard).
 */
export function createDossier(
  dossier: Dossier,
  events: readonly DossierEvent[],
  outbox: readonly OutboxMessage[],
  takeKey?: KeyRecordPut,
  receipt?: StoredReceiptSecret,
) {
  return writeDossier(dossier, { attr: 'code', exists: false }, events, outbox, takeKey, receipt);
}

/** Saves a changed dossier if nobody changed it since `expectedVersion` was read. */
export function saveDossier(
  dossier: Dossier,
  expectedVersion: number,
  events: readonly DossierEvent[],
  outbox: readonly OutboxMessage[],
  takeKey?: KeyRecordPut,
) {
  return writeDossier(dossier, { attr: 'version', eq: expectedVersion }, events, outbox, takeKey);
}

export interface FiredAlarm {
  id: string;
  type: AlarmType;
  dueAt: string;
  stepIndex?: number;
  payload: Record<string, unknown>;
}

/**
 * Records a fired deadline alarm and its outbox event together, at most once: a second run of the
 * clock (after a restart, a retry) finds the mark and writes nothing. Returns whether it wrote.
 */
export async function recordAlarm(
  tenant: string,
  code: string,
  alarm: FiredAlarm,
  firedAt: string,
): Promise<boolean> {
  try {
    await execute(
      DeadlineMarkEntity.build(PutTransaction)
        .item({
          tenant,
          code,
          id: alarm.id,
          type: alarm.type,
          firedAt,
          dueAt: alarm.dueAt,
          stepIndex: alarm.stepIndex,
        })
        .options({ condition: { attr: 'id', exists: false } }),
      OutboxEntity.build(PutTransaction).item({
        tenant,
        code,
        id: `alarm#${alarm.id}`,
        type: alarm.type,
        occurredAt: firedAt,
        payload: { tenant, code, ...alarm.payload },
        expiresAt: outboxExpiresAt(new Date(firedAt)),
      }),
    );
    return true;
  } catch (error) {
    // The alarm's fixed id is taken: it was recorded before, by this clock or an earlier run.
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/**
 * Notification records: the dedupe of sends and the dossier's record of them (table.ts
 * NotificationEntity). Every write is conditional on what was read, so two deliveries of the same
 * event (SQS is at-least-once, and the dispatcher may copy an event twice) never both send.
 *
 * The order is record-then-send: a claim (`sending`, with a lease) is written before the provider
 * is called, and `sent` after it answered. A claim whose send failed is marked `failed` and the
 * queue brings the event back; a claim left `sending` by a sender that died is taken over once
 * its lease ran out. See docs/notifications.md for why this is at-least-once.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import type { NotificationKind } from '../domain/notifications/kinds';
import { SORT_KEY_PREFIX } from './keys';
import { queryAllByPrefix } from './query';
import { dossierPk, NotificationEntity } from './table';

export type NotificationStatus = 'sending' | 'sent' | 'failed';

export interface NotificationRecord {
  tenant: string;
  code: string;
  id: string;
  kind: NotificationKind;
  channel: 'email' | 'sms';
  eventType: string;
  toMasked: string;
  summary: string;
  status: NotificationStatus;
  attempts: number;
  leaseUntil: number;
  createdAt: string;
  sentAt?: string;
  providerMessageId?: string;
  lastError?: string;
}

const isConditionFailure = (error: unknown) =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';

/** Writes `next` if the record is still as `read` left it (or absent, without `read`). */
async function putIf(next: NotificationRecord, read?: NotificationRecord): Promise<boolean> {
  const condition = read
    ? {
        and: [
          { attr: 'status', eq: read.status },
          { attr: 'attempts', eq: read.attempts },
        ],
      }
    : { attr: 'id', exists: false };
  try {
    await NotificationEntity.build(PutItemCommand)
      .item(next)
      .options({ condition: condition as never })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getNotification(
  tenant: string,
  code: string,
  id: string,
): Promise<NotificationRecord | undefined> {
  const { Item } = await NotificationEntity.build(GetItemCommand)
    .key({ tenant, code, id })
    .options({ consistent: true })
    .send();
  return Item as NotificationRecord | undefined;
}

/**
 * What a sender may do with this notification: `send` (the claim is now its own, at `claim`),
 * `done` (sent before), or `busy` (another sender holds a live claim: try again later).
 */
export type Claim = { outcome: 'send'; claim: NotificationRecord } | { outcome: 'done' | 'busy' };

/** Claims the notification for one send: new, failed before, or abandoned (lease over). */
export async function claimNotification(
  fresh: Omit<NotificationRecord, 'status' | 'attempts' | 'leaseUntil'>,
  now: number,
  leaseMs: number,
): Promise<Claim> {
  const first: NotificationRecord = { ...fresh, status: 'sending', attempts: 1, leaseUntil: now + leaseMs };
  if (await putIf(first)) return { outcome: 'send', claim: first };
  const read = await getNotification(fresh.tenant, fresh.code, fresh.id);
  if (!read) return { outcome: 'busy' };
  if (read.status === 'sent') return { outcome: 'done' };
  if (read.status === 'sending' && read.leaseUntil > now) return { outcome: 'busy' };
  const retry: NotificationRecord = {
    ...read,
    status: 'sending',
    attempts: read.attempts + 1,
    leaseUntil: now + leaseMs,
  };
  return (await putIf(retry, read)) ? { outcome: 'send', claim: retry } : { outcome: 'busy' };
}

/** The provider accepted the message. False if the claim was taken over meanwhile (lease over). */
export const markSent = (claim: NotificationRecord, sentAt: string, providerMessageId: string) =>
  putIf({ ...claim, status: 'sent', sentAt, providerMessageId, lastError: undefined }, claim);

/** The provider refused or could not be reached: the next delivery of the event tries again. */
export const markFailed = (claim: NotificationRecord, error: string) =>
  putIf({ ...claim, status: 'failed', lastError: error.slice(0, 500) }, claim);

/** A dossier's notifications, in key order (event id, then channel). */
export async function listNotifications(tenant: string, code: string): Promise<NotificationRecord[]> {
  const items = await queryAllByPrefix(
    NotificationEntity,
    dossierPk(tenant, code),
    SORT_KEY_PREFIX.notification,
  );
  return items as NotificationRecord[];
}

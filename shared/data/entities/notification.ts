import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

/**
 * A notification to the applicant (shared/usecases/notifications.ts): its dedupe record and its
 * line in the dossier's control sheet at once. Keyed by the outbox event and the channel, so a
 * redelivered event finds it. It holds the masked address and a summary, never the message body
 * nor the full address. Kept with the dossier, like deadline marks.
 */
export const NotificationEntity = new Entity({
  name: 'Notification',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    /** `<outbox id>#<channel>`. */
    id: string().key(),
    kind: string(),
    channel: string().enum('email', 'sms'),
    eventType: string(),
    toMasked: string(),
    summary: string(),
    status: string().enum('sending', 'sent', 'failed'),
    /** Sends started: the claim's version (every change is conditional on the one read). */
    attempts: number(),
    /** Epoch ms until which a `sending` claim is its sender's; after it another may take over. */
    leaseUntil: number(),
    createdAt: string(),
    sentAt: string().optional(),
    providerMessageId: string().optional(),
    lastError: string().optional(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.notification}${id}`,
  }),
});

/**
 * The offline queues, from the queue table (shared/api/queues.ts): each queue and its dead-letter
 * queue, with the names and URLs the local SQS service serves them under. CDK builds the same
 * queues from the same entries (infra/constructs/event-bus.ts).
 */
import {
  DEAD_LETTER_RETENTION_SECONDS,
  QUEUES,
  type QueueDef,
  type QueueId,
} from '../../../shared/api/queues';

/** The account id SQS emulators use; it appears in queue URLs and ARNs. */
export const LOCAL_ACCOUNT = '000000000000';

export interface LocalQueueConfig {
  name: string;
  visibilityTimeoutSeconds: number;
  retentionSeconds: number;
  /** With a redrive policy: receives before the message moves to `deadLetterQueue`. */
  redrive?: { maxReceiveCount: number; deadLetterQueue: string };
}

/** `webhookEvents` → `mot-cua-webhook-events`. */
export const localQueueName = (id: QueueId): string =>
  `mot-cua-${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
export const deadLetterName = (id: QueueId): string => `${localQueueName(id)}-dlq`;

export function localQueueConfigs(): LocalQueueConfig[] {
  return (Object.entries(QUEUES) as Array<[QueueId, QueueDef]>).flatMap(([id, def]) => [
    {
      name: localQueueName(id),
      visibilityTimeoutSeconds: def.visibilityTimeoutSeconds,
      retentionSeconds: def.retentionSeconds,
      redrive: { maxReceiveCount: def.maxReceiveCount, deadLetterQueue: deadLetterName(id) },
    },
    {
      name: deadLetterName(id),
      visibilityTimeoutSeconds: 30,
      retentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
    },
  ]);
}

export const queueUrl = (endpoint: string, name: string): string => `${endpoint}/${LOCAL_ACCOUNT}/${name}`;
export const queueArn = (region: string, name: string): string =>
  `arn:aws:sqs:${region}:${LOCAL_ACCOUNT}:${name}`;
/** The queue name a URL names (its last path segment). */
export const queueNameOf = (url: string): string => url.replace(/\/+$/, '').split('/').pop() ?? '';

/**
 * The table stream's one reader (AWS advises at most two per shard): every new outbox item goes to
 * the queues subscribed to its type (shared/api/queues.ts), and each consumer reads its own queue.
 * A record not sent to all its queues is reported by sequence number, so only it and the records
 * after it are retried. Small on purpose (no zod, no catalog): it runs on every dossier write.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/platform/observability';
import { dispatchOutbox, type OutboxItem } from '../../shared/usecases/dispatch-outbox';

const outboxItemOf = (record: DynamoDBRecord): OutboxItem | undefined => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  return item._et === 'Outbox' ? (item as OutboxItem) : undefined;
};

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>(
  async (event: DynamoDBStreamEvent) => {
    const records = event.Records.map((record) => ({ record, item: outboxItemOf(record) }));
    const outbox = records.filter((r): r is { record: DynamoDBRecord; item: OutboxItem } => !!r.item);
    const failed = await dispatchOutbox(
      outbox.map((r) => r.item),
      (queue, error) => logger.error('could not send outbox events', { queue, error: error as Error }),
    );
    return {
      batchItemFailures: failed.map((i) => ({
        itemIdentifier: outbox[i].record.dynamodb?.SequenceNumber ?? '',
      })),
    };
  },
).use(injectLambdaContext(logger, { resetKeys: true }));

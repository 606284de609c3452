/**
 * The offline stand-in for Lambda's SQS event source mappings: for each queue consumer of the
 * function table, receives up to its batch size from its queue, invokes it with the SQS event Lambda
 * would send, and deletes the messages it did not report as failures (ReportBatchItemFailures).
 * Failed messages, and a whole batch when the handler throws, stay and reappear after their
 * visibility timeout (or the time the handler set with ChangeMessageVisibility); after
 * maxReceiveCount receives the store moves them to the dead-letter queue.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { queueConsumers, type FunctionDef, type QueueSource } from '../../../shared/api/functions';
import type { HandlerLoader } from '../handler-loader';
import { invokeFunction, type LocalFunction } from '../lambda-invoke';
import { localFunctionName } from '../stepfunctions/arns';
import { localQueueName, queueArn } from './queues';
import type { ReceivedMessage, SqsStore } from './store';

export interface QueueConsumer extends LocalFunction {
  queue: string;
  batchSize: number;
}

export function queueConsumerOf(fn: FunctionDef): QueueConsumer {
  if (fn.source.kind !== 'queue') throw new Error(`${fn.id} is not fed by a queue`);
  const source: QueueSource = fn.source;
  return {
    id: fn.id,
    entry: fn.entry,
    access: fn.access,
    functionName: localFunctionName(fn.entry),
    timeoutMs: fn.timeoutSeconds * 1000,
    memoryMb: fn.memoryMb,
    queue: localQueueName(source.queue),
    batchSize: source.batchSize,
  };
}

export const QUEUE_CONSUMERS = (): QueueConsumer[] => queueConsumers().map(queueConsumerOf);

export function toSqsRecord(m: ReceivedMessage, region: string, queue: string): SQSRecord {
  return {
    messageId: m.messageId,
    receiptHandle: m.receiptHandle,
    body: m.body,
    attributes: m.attributes,
    messageAttributes: Object.fromEntries(
      Object.entries(m.messageAttributes).map(([name, v]) => [
        name,
        {
          dataType: v.DataType,
          ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}),
          ...(v.BinaryValue !== undefined ? { binaryValue: v.BinaryValue } : {}),
          stringListValues: [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: m.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn(region, queue),
    awsRegion: region,
  };
}

export interface QueuePollerOptions {
  store: SqsStore;
  consumers: readonly QueueConsumer[];
  loader: HandlerLoader;
  region: string;
  intervalMs?: number;
  log?: (line: string) => void;
}

/** Stop waits this long for a handler in flight. */
const STOP_GRACE_MS = 3_000;

export function startQueuePoller(options: QueuePollerOptions): { stop(): Promise<void> } {
  const abort = new AbortController();
  const log = options.log ?? ((line: string) => process.stderr.write(`[sqs] ${line}\n`));
  const pause = (ms: number) => sleep(ms, undefined, { signal: abort.signal }).catch(() => undefined);
  const loops = options.consumers.map(async (consumer) => {
    while (!abort.signal.aborted) {
      let handled = 0;
      try {
        handled = await pollOnce(consumer, options, log);
      } catch (error) {
        log(`${consumer.functionName}: ${(error as Error).message}`);
      }
      // A full batch: there may be more at once; otherwise look again shortly.
      if (handled < consumer.batchSize) await pause(options.intervalMs ?? 100);
    }
  });
  return {
    async stop() {
      abort.abort();
      await Promise.race([Promise.all(loops), sleep(STOP_GRACE_MS, undefined, { ref: false })]);
    },
  };
}

/** One receive and invocation; how many messages it handed over. */
export async function pollOnce(
  consumer: QueueConsumer,
  options: Pick<QueuePollerOptions, 'store' | 'loader' | 'region'>,
  log: (line: string) => void,
): Promise<number> {
  const messages = await options.store.receive(consumer.queue, consumer.batchSize);
  if (messages.length === 0) return 0;
  const records = messages.map((m) => toSqsRecord(m, options.region, consumer.queue));
  let failed: Set<string>;
  try {
    const response = (await invokeFunction(options.loader, consumer, {
      Records: records,
    })) as Partial<SQSBatchResponse> | null;
    const ids = (response?.batchItemFailures ?? []).map((f) => f?.itemIdentifier);
    // As Lambda: an identifier that names no message of the batch fails the whole batch.
    failed = ids.every((id) => messages.some((m) => m.messageId === id))
      ? new Set(ids)
      : new Set(messages.map((m) => m.messageId));
    if (failed.size > 0) log(`${consumer.functionName} reported ${failed.size} failed message(s)`);
  } catch (error) {
    log(`${consumer.functionName} failed on a batch of ${messages.length}: ${(error as Error).message}`);
    return messages.length;
  }
  const done = messages.filter((m) => !failed.has(m.messageId)).map((m) => m.receiptHandle);
  await options.store.delete(consumer.queue, done);
  return messages.length;
}

/**
 * Hands records to one consumer the way an event source mapping does: only those its filters
 * match, in order, in batches of its batch size. With ReportBatchItemFailures, a batch that names
 * a failed record is retried from that record; a batch that throws is retried whole. Retries back
 * off and are bounded (then the records are dropped and logged, as with MaximumRetryAttempts and
 * no on-failure destination), so one poison record cannot stall the stream for ever.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { HandlerLoader } from '../handler-loader';
import { invokeFunction } from '../lambda-invoke';
import type { StreamConsumer } from './consumers';
import type { EventMatcher } from './event-filter';

export interface DeliveryDeps {
  loader: HandlerLoader;
  log(line: string): void;
  /** Resolves after `ms`, or early when the poller stops. */
  pause(ms: number): Promise<void>;
  stopping(): boolean;
}

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 2_000;

export async function deliver(
  consumer: StreamConsumer,
  matches: EventMatcher,
  records: readonly DynamoDBRecord[],
  deps: DeliveryDeps,
): Promise<void> {
  const selected = records.filter((r) => matches(r));
  for (let start = 0; start < selected.length && !deps.stopping(); start += consumer.batchSize) {
    await deliverBatch(consumer, selected.slice(start, start + consumer.batchSize), deps);
  }
}

async function deliverBatch(
  consumer: StreamConsumer,
  batch: DynamoDBRecord[],
  deps: DeliveryDeps,
): Promise<void> {
  let pending = batch;
  for (let attempt = 0; pending.length > 0 && !deps.stopping(); attempt += 1) {
    const failedFrom = await invoke(consumer, pending, deps);
    if (failedFrom === undefined) return;
    const remaining = pending.slice(failedFrom);
    if (attempt >= consumer.maxRetries) {
      const sequences = remaining.map((r) => r.dynamodb?.SequenceNumber).join(', ');
      deps.log(
        `${consumer.functionName}: giving up after ${attempt + 1} attempts; dropped records ${sequences}`,
      );
      return;
    }
    pending = remaining;
    await deps.pause(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt));
  }
}

/** Undefined when the whole batch succeeded, else the index of the first record to retry from. */
async function invoke(
  consumer: StreamConsumer,
  batch: DynamoDBRecord[],
  deps: DeliveryDeps,
): Promise<number | undefined> {
  let response: unknown;
  try {
    response = await invokeFunction(deps.loader, consumer, { Records: batch });
  } catch (error) {
    deps.log(`${consumer.functionName} failed on a batch of ${batch.length}: ${(error as Error).message}`);
    return 0;
  }
  return firstFailure(batch, response, consumer, deps);
}

function firstFailure(
  batch: DynamoDBRecord[],
  response: unknown,
  consumer: StreamConsumer,
  deps: DeliveryDeps,
): number | undefined {
  const failures = (response as Partial<DynamoDBBatchResponse> | null)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return undefined;
  const indexes = failures.map((f) =>
    batch.findIndex((r) => r.dynamodb?.SequenceNumber === f?.itemIdentifier),
  );
  // Lambda treats an identifier it cannot find (or an empty one) as a failure of the whole batch.
  if (indexes.some((i) => i < 0)) {
    deps.log(
      `${consumer.functionName} reported a failure with an unknown itemIdentifier; retrying the whole batch`,
    );
    return 0;
  }
  deps.log(`${consumer.functionName} reported ${failures.length} failed record(s); retrying from the first`);
  return Math.min(...indexes);
}

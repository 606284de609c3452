/**
 * The functions that read the table's stream offline, with their filters and batch sizes: the one
 * list the stream poller serves. CDK's event source mappings are built from the same facts (the
 * start-clock mapping uses the same START_CLOCK_FILTER object), so keep the two in step when a
 * consumer is added.
 */
import { START_CLOCK_FILTER } from '../../../shared/api/deadline-clock';
import { localFunctionName } from '../stepfunctions/arns';
import type { FilterPattern } from './event-filter';

export interface StreamConsumer {
  /** Handler module, relative to the repo root. */
  entry: string;
  functionName: string;
  /** FilterCriteria: a record reaches the function when any pattern matches. */
  filters: readonly FilterPattern[];
  /** Records per invocation (the mapping's BatchSize). */
  batchSize: number;
  /** Retries of a failed batch before its records are dropped (MaximumRetryAttempts). */
  maxRetries: number;
  /** Function timeout. */
  timeoutMs: number;
}

const START_CLOCK_ENTRY = 'functions/deadlines/start-clock.ts';

export const STREAM_CONSUMERS: readonly StreamConsumer[] = [
  {
    entry: START_CLOCK_ENTRY,
    functionName: localFunctionName(START_CLOCK_ENTRY),
    filters: [START_CLOCK_FILTER],
    // As CDK's mapping (STREAM_CONSUMER_SETTINGS in infra/constructs/stream-consumer.ts).
    batchSize: 10,
    maxRetries: 10,
    timeoutMs: 30_000,
  },
];

/**
 * The functions that read the table's stream offline: the stream consumers of the function table
 * (shared/api/functions.ts), from which CDK builds the event source mappings too. Their filters,
 * batch sizes, retries and timeouts are read from there, never written here.
 */
import { streamConsumers, type FunctionDef } from '../../../shared/api/functions';
import type { LocalFunction } from '../lambda-invoke';
import { localFunctionName } from '../stepfunctions/arns';
import type { FilterPattern } from './event-filter';

export interface StreamConsumer extends LocalFunction {
  /** FilterCriteria: a record reaches the function when any pattern matches. */
  filters: readonly FilterPattern[];
  /** Records per invocation (the mapping's BatchSize). */
  batchSize: number;
  /** Retries of a failed batch before its records are dropped (MaximumRetryAttempts). */
  maxRetries: number;
}

/** One function table entry as the poller serves it. */
export function streamConsumerOf(fn: FunctionDef): StreamConsumer {
  if (fn.source.kind !== 'tableStream') throw new Error(`${fn.id} is not fed by the table stream`);
  return {
    id: fn.id,
    entry: fn.entry,
    access: fn.access,
    functionName: localFunctionName(fn.entry),
    filters: fn.source.filters,
    batchSize: fn.source.batchSize,
    maxRetries: fn.source.retryAttempts,
    timeoutMs: fn.timeoutSeconds * 1000,
    memoryMb: fn.memoryMb,
  };
}

export const STREAM_CONSUMERS: readonly StreamConsumer[] = streamConsumers().map(streamConsumerOf);

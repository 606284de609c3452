/**
 * The offline stand-in for a CloudWatch Logs subscription filter with a Lambda destination: lines
 * written to a log group (the offline gateway's access log) are collected and, every few seconds or
 * every N lines, handed to each subscriber of that group in the function table as CloudWatch Logs
 * would: `{ awslogs: { data } }`, the batch as JSON (messageType DATA_MESSAGE, owner, logGroup,
 * logStream, subscriptionFilters, logEvents with id, timestamp and message), gzipped and base64.
 * Invocations are asynchronous in AWS: a batch that fails is tried twice more, then dropped and
 * logged (as Lambda does without an on-failure destination). Batches go one after the other; stop
 * delivers what is left.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { CloudWatchLogsDecodedData, CloudWatchLogsLogEvent } from 'aws-lambda';
import { logSubscribers, type FunctionDef, type LogGroupId } from '../../../shared/api/functions';
import type { HandlerLoader } from '../handler-loader';
import { invokeFunction, type LocalFunction } from '../lambda-invoke';
import { localFunctionName } from '../stepfunctions/arns';

/** Lambda's asynchronous invocations: the first attempt and two retries. */
const ATTEMPTS = 3;
const RETRY_DELAYS_MS = [1_000, 2_000];

export interface LogSubscriptionOptions {
  logGroup: LogGroupId;
  /** The group's name as a subscriber sees it (`logGroup` in the payload). */
  logGroupName: string;
  loader: HandlerLoader;
  /** Deliver at least this often while lines wait (CloudWatch Logs: within seconds). */
  flushEveryMs?: number;
  /** Deliver at once when this many lines wait. */
  maxLines?: number;
  /** Default: the function table's subscribers of `logGroup`. */
  subscribers?: readonly LocalFunction[];
  log?: (line: string) => void;
}

export interface LogSubscription {
  /** One line of the group, as the service writes it. */
  write(message: string): void;
  /** Delivers what waits and resolves when every batch so far has been handled. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function subscriberOf(fn: FunctionDef): LocalFunction {
  if (fn.source.kind !== 'logSubscription') throw new Error(`${fn.id} is not fed by a log subscription`);
  // Filter patterns are CloudWatch Logs' own language; offline, every line reaches the subscriber.
  if (fn.source.filterPattern !== '')
    throw new Error(`${fn.id}: the offline log subscription passes every line; its filter pattern is ''`);
  return {
    id: fn.id,
    entry: fn.entry,
    access: fn.access,
    functionName: localFunctionName(fn.entry),
    timeoutMs: fn.timeoutSeconds * 1000,
    memoryMb: fn.memoryMb,
  };
}

/** The `awslogs.data` CloudWatch Logs sends: the batch's JSON, gzipped, in base64. */
export function encodeLogBatch(batch: CloudWatchLogsDecodedData): { awslogs: { data: string } } {
  return { awslogs: { data: gzipSync(JSON.stringify(batch)).toString('base64') } };
}

export function startLogSubscription(options: LogSubscriptionOptions): LogSubscription {
  const subscribers =
    options.subscribers ??
    logSubscribers()
      .filter((f) => f.source.logGroup === options.logGroup)
      .map(subscriberOf);
  const flushEveryMs = options.flushEveryMs ?? 2_000;
  const maxLines = options.maxLines ?? 500;
  const log = options.log ?? ((line: string) => process.stderr.write(`[logs] ${line}\n`));
  // A stream per cloud start, as each API Gateway host writes its own; event ids are unique in it.
  const logStream = `${new Date().toISOString().slice(0, 10)}/${randomBytes(8).toString('hex')}`;
  const idPrefix = BigInt(`0x${randomBytes(6).toString('hex')}`)
    .toString()
    .padStart(15, '0');
  let sequence = 0;
  let waiting: CloudWatchLogsLogEvent[] = [];
  let delivered: Promise<void> = Promise.resolve();
  let stopped = false;

  const deliver = async (logEvents: CloudWatchLogsLogEvent[]) => {
    const batch: CloudWatchLogsDecodedData = {
      owner: '000000000000',
      logGroup: options.logGroupName,
      logStream,
      subscriptionFilters: subscribers.map((s) => s.id),
      messageType: 'DATA_MESSAGE',
      logEvents,
    };
    const event = encodeLogBatch(batch);
    for (const subscriber of subscribers) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await invokeFunction(options.loader, subscriber, event);
          break;
        } catch (error) {
          if (attempt >= ATTEMPTS) {
            log(
              `${subscriber.functionName}: dropped a batch of ${logEvents.length} after ${attempt} attempts: ${(error as Error).message}`,
            );
            break;
          }
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt - 1]));
        }
      }
    }
  };

  const flushNow = () => {
    if (waiting.length === 0 || subscribers.length === 0) {
      waiting = [];
      return delivered;
    }
    const batch = waiting;
    waiting = [];
    delivered = delivered.then(() => deliver(batch));
    return delivered;
  };

  const timer = setInterval(() => void flushNow(), flushEveryMs);
  timer.unref();

  return {
    write(message) {
      if (stopped) return;
      const timestamp = Date.now();
      sequence += 1;
      waiting.push({
        id: `${timestamp}${idPrefix}${String(sequence).padStart(12, '0')}`,
        timestamp,
        message,
      });
      if (waiting.length >= maxLines) void flushNow();
    },
    flush: flushNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await flushNow();
    },
  };
}

/**
 * The offline stand-in for Lambda's DynamoDB event source mappings: reads the table's stream on
 * DynamoDB Local every ~200 ms (Lambda polls each shard about four times a second) and hands the
 * records to each consumer in the shape, order and batches Lambda would. It follows shards as they
 * close and new ones open (children after their parent), and remembers per shard where it got to,
 * so a restart carries on after the last record it handled. Nothing a handler or the emulator does
 * stops the loop; `stop()` ends it between two steps.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { HandlerLoader } from '../handler-loader';
import { openCheckpoints, type Checkpoints } from './checkpoints';
import type { StreamConsumer } from './consumers';
import { deliver, type DeliveryDeps } from './deliver';
import { compileFilters, type EventMatcher } from './event-filter';
import { toLambdaRecord } from './lambda-records';

export interface StreamPollerOptions {
  dynamodbEndpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  tableName: string;
  /** Checkpoints go to `<dataDir>/streams/`. */
  dataDir: string;
  consumers: readonly StreamConsumer[];
  loader: HandlerLoader;
  intervalMs?: number;
}

export interface StreamPoller {
  stop(): Promise<void>;
}

/** How often the shard list is read again while nothing changes (a closed shard triggers it at once). */
const DESCRIBE_EVERY_MS = 10_000;
/** Pages read from one shard in one round, so one busy shard does not starve the others. */
const PAGES_PER_ROUND = 10;
/** Stop waits this long for a handler in flight, then lets the cloud go on stopping. */
const STOP_GRACE_MS = 3_000;

interface ShardState {
  id: string;
  parentId?: string;
  iterator?: string;
  finished: boolean;
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const client = new DynamoDBStreamsClient({
    endpoint: options.dynamodbEndpoint,
    region: options.region,
    credentials: options.credentials,
  });
  const checkpoints = await openCheckpoints(path.join(options.dataDir, 'streams'));
  const consumers = options.consumers.map((c) => ({ consumer: c, matches: compileFilters(c.filters) }));
  const abort = new AbortController();
  const log = rateLimitedLog();
  const deliveryDeps: DeliveryDeps = {
    loader: options.loader,
    log: (line) => log(line),
    pause: (ms) => sleep(ms, undefined, { signal: abort.signal }).catch(() => undefined),
    stopping: () => abort.signal.aborted,
  };
  const reader = new StreamReader(client, checkpoints, options, consumers, deliveryDeps, abort.signal, log);

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        await reader.round();
      } catch (error) {
        if (!abort.signal.aborted) log(`polling failed: ${describeError(error)}`);
      }
      await deliveryDeps.pause(options.intervalMs ?? 200);
    }
  })();

  return {
    async stop() {
      abort.abort();
      await Promise.race([loop, sleep(STOP_GRACE_MS, undefined, { ref: false })]);
      client.destroy();
    },
  };
}

class StreamReader {
  private streamArn?: string;
  private shards = new Map<string, ShardState>();
  private describedAt = 0;
  /** Shards whose checkpoint points at records the stream no longer keeps (older than 24 h). */
  private trimmed = new Set<string>();
  /** An abort on stop cuts a request that DynamoDB Local never answers. */
  private readonly http: { abortSignal: AbortSignal };

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly checkpoints: Checkpoints,
    private readonly options: StreamPollerOptions,
    private readonly consumers: ReadonlyArray<{ consumer: StreamConsumer; matches: EventMatcher }>,
    private readonly deliveryDeps: DeliveryDeps,
    private readonly signal: AbortSignal,
    private readonly log: (line: string) => void,
  ) {
    this.http = { abortSignal: signal };
  }

  async round(): Promise<void> {
    this.streamArn ??= await this.findStream();
    if (!this.streamArn) return;
    if (Date.now() - this.describedAt > DESCRIBE_EVERY_MS) await this.describe(this.streamArn);
    for (const shard of this.readable()) {
      if (this.signal.aborted) return;
      await this.readShard(this.streamArn, shard);
    }
  }

  private async findStream(): Promise<string | undefined> {
    const listed = await this.client.send(
      new ListStreamsCommand({ TableName: this.options.tableName }),
      this.http,
    );
    return listed.Streams?.[0]?.StreamArn;
  }

  private async describe(streamArn: string): Promise<void> {
    const found: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await this.client.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
        this.http,
      );
      found.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    for (const shard of found) {
      if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
      this.shards.set(shard.ShardId, {
        id: shard.ShardId,
        parentId: shard.ParentShardId,
        finished: this.checkpoints.get(streamArn, shard.ShardId)?.finished === true,
      });
    }
    this.describedAt = Date.now();
  }

  /** Open shards whose parent (if we still know it) has been read to its end: order is kept. */
  private readable(): ShardState[] {
    return [...this.shards.values()].filter((s) => {
      if (s.finished) return false;
      const parent = s.parentId ? this.shards.get(s.parentId) : undefined;
      return !parent || parent.finished;
    });
  }

  private async readShard(streamArn: string, shard: ShardState): Promise<void> {
    try {
      for (let page = 0; page < PAGES_PER_ROUND && !this.signal.aborted; page += 1) {
        shard.iterator ??= await this.iteratorFor(streamArn, shard);
        const result = await this.client.send(
          new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }),
          this.http,
        );
        const records = result.Records ?? [];
        if (records.length > 0) {
          const lambdaRecords = records.map((r) =>
            toLambdaRecord(r, { region: this.options.region, streamArn }),
          );
          for (const { consumer, matches } of this.consumers)
            await deliver(consumer, matches, lambdaRecords, this.deliveryDeps);
          // Stopped in the middle of a delivery: no checkpoint, so the next start delivers again.
          if (this.signal.aborted) return;
          const last = records[records.length - 1]?.dynamodb?.SequenceNumber;
          await this.checkpoints.set(streamArn, shard.id, { sequenceNumber: last });
        }
        shard.iterator = result.NextShardIterator;
        if (!shard.iterator) {
          // A closed shard read to its end: its children may go now, and the list has changed.
          shard.finished = true;
          const previous = this.checkpoints.get(streamArn, shard.id);
          await this.checkpoints.set(streamArn, shard.id, { ...previous, finished: true });
          this.describedAt = 0;
          return;
        }
        if (records.length === 0) return;
      }
    } catch (error) {
      // The next round asks for a fresh iterator from the checkpoint (expired iterators included).
      shard.iterator = undefined;
      const name = (error as Error).name;
      if (name === 'ResourceNotFoundException') {
        // The table (and its stream) was re-created: start on the new stream.
        this.streamArn = undefined;
        this.shards.clear();
        this.describedAt = 0;
      }
      if (name === 'TrimmedDataAccessException') this.trimmed.add(shard.id);
      if (!this.signal.aborted) this.log(`shard ${shard.id}: ${describeError(error)}`);
    }
  }

  private async iteratorFor(streamArn: string, shard: ShardState): Promise<string | undefined> {
    const checkpoint = this.checkpoints.get(streamArn, shard.id)?.sequenceNumber;
    const resume = checkpoint !== undefined && !this.trimmed.has(shard.id);
    if (checkpoint !== undefined && !resume)
      this.log(`shard ${shard.id}: records after ${checkpoint} were trimmed; reading from the oldest kept`);
    // A shard never seen is read from its oldest record, so nothing written before the first poll
    // (or while the cloud was stopped) is missed.
    const type: ShardIteratorType = resume ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON';
    const answer = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.id,
        ShardIteratorType: type,
        ...(resume ? { SequenceNumber: checkpoint } : {}),
      }),
      this.http,
    );
    return answer.ShardIterator;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The same failure every 200 ms would flood the terminal: a repeated line is written once a minute. */
function rateLimitedLog(): (line: string) => void {
  const lastWritten = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if (now - (lastWritten.get(line) ?? 0) < 60_000) return;
    lastWritten.set(line, now);
    process.stderr.write(`[streams] ${line}\n`);
  };
}

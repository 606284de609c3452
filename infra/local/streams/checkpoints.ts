/**
 * Where the stream poller got to, per shard: the sequence number of the last record every
 * consumer has seen, in `<dataDir>/streams/checkpoints.json`. A restart resumes after it, so a
 * record is delivered again only if the cloud stopped between a delivery and its checkpoint
 * (at-least-once, like Lambda).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ShardCheckpoint {
  /** Last record handed to the consumers; absent when a shard was opened but had no records. */
  sequenceNumber?: string;
  /** Every record of a closed shard was handled: it is never read again. */
  finished?: boolean;
}

/** Stream ARN → shard id → checkpoint. A new stream (a re-created table) starts empty. */
type CheckpointFile = Record<string, Record<string, ShardCheckpoint>>;

export interface Checkpoints {
  get(streamArn: string, shardId: string): ShardCheckpoint | undefined;
  set(streamArn: string, shardId: string, checkpoint: ShardCheckpoint): Promise<void>;
}

export async function openCheckpoints(dir: string): Promise<Checkpoints> {
  const file = path.join(dir, 'checkpoints.json');
  const data = await readCheckpoints(file);
  let writing = Promise.resolve();
  return {
    get: (streamArn, shardId) => data[streamArn]?.[shardId],
    set(streamArn, shardId, checkpoint) {
      (data[streamArn] ??= {})[shardId] = checkpoint;
      const snapshot = `${JSON.stringify(data, null, 2)}\n`;
      // One write at a time, each with everything known so far: the last one on disk is the newest.
      writing = writing
        .then(async () => {
          await mkdir(dir, { recursive: true });
          await writeFile(`${file}.tmp`, snapshot);
          await rename(`${file}.tmp`, file);
        })
        .catch((error: unknown) => {
          // The next write carries this one's data too; the poller keeps going meanwhile.
          process.stderr.write(`[streams] could not write ${file}: ${(error as Error).message}\n`);
        });
      return writing;
    },
  };
}

async function readCheckpoints(file: string): Promise<CheckpointFile> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as CheckpointFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    // Starting over from the oldest records repeats deliveries; consumers are idempotent, and a
    // cloud that refused to start over a damaged bookmark would help nobody.
    process.stderr.write(
      `[streams] ${file} is unreadable (${(error as Error).message}); reading the stream from its oldest record\n`,
    );
    return {};
  }
}

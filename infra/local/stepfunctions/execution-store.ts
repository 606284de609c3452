/**
 * Executions on disk, one JSON file each under `<dataDir>/stepfunctions/<state machine>/`, written
 * on every change. aws-local-stepfunctions keeps nothing, so this is what lets an execution
 * survive a stop: at the next start every RUNNING one is run again from its start.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  stateMachineName: string;
  name: string;
  /** The input exactly as StartExecution received it (a JSON text). */
  input: string;
  status: ExecutionStatus;
  /** ISO instants of real time, as Step Functions stamps them (not the domain clock). */
  startDate: string;
  stopDate?: string;
  /** JSON text of the final output, for SUCCEEDED. */
  output?: string;
  error?: string;
  cause?: string;
  /** How many times the offline runner started it from the top (restarts, clock moves). */
  runs: number;
}

export interface ExecutionStore {
  loadAll(): Promise<ExecutionRecord[]>;
  /** Resolves once this version (or a later one) of the record is on disk. */
  save(record: ExecutionRecord): Promise<void>;
  /** Waits for every pending write. */
  flush(): Promise<void>;
}

export function createExecutionStore(dir: string): ExecutionStore {
  // Writes of one record go one after the other, so an older version never lands last.
  const queues = new Map<string, Promise<void>>();
  const fileOf = (r: Pick<ExecutionRecord, 'stateMachineName' | 'name'>) =>
    path.join(dir, encodeURIComponent(r.stateMachineName), `${encodeURIComponent(r.name)}.json`);

  return {
    async loadAll() {
      const records: ExecutionRecord[] = [];
      for (const machine of await listDir(dir)) {
        for (const file of await listDir(path.join(dir, machine))) {
          if (!file.endsWith('.json')) continue;
          const full = path.join(dir, machine, file);
          try {
            records.push(JSON.parse(await readFile(full, 'utf8')) as ExecutionRecord);
          } catch (error) {
            // One damaged file must not keep the cloud from starting; say which one.
            process.stderr.write(
              `[stepfunctions] ignoring unreadable execution file ${full}: ${(error as Error).message}\n`,
            );
          }
        }
      }
      return records;
    },
    save(record) {
      const file = fileOf(record);
      const snapshot = `${JSON.stringify(record, null, 2)}\n`;
      const previous = queues.get(file) ?? Promise.resolve();
      const next = previous.then(() => writeAtomically(file, snapshot));
      const settled = next.catch((error: unknown) => {
        process.stderr.write(`[stepfunctions] could not write ${file}: ${(error as Error).message}\n`);
      });
      queues.set(file, settled);
      void settled.then(() => {
        if (queues.get(file) === settled) queues.delete(file);
      });
      return settled;
    },
    async flush() {
      await Promise.all([...queues.values()]);
    },
  };
}

/** Write then rename: a stop in the middle leaves the old file, never half a file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

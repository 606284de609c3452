/** Polling until an emulator answers: their logs are not a contract, their APIs are. */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Stops waiting early, e.g. when the child process already exited. */
  abortReason?: () => string | undefined;
}

export async function waitUntil(probe: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = options.abortReason?.();
    if (aborted) throw new Error(`${options.what} did not start: ${aborted}`);
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`${options.what} did not answer within ${options.timeoutMs} ms${cause}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}

/**
 * Loads a route's handler module the first time the route is called, like a Lambda cold start, and
 * keeps it. A module that fails to load (missing, throws at init because a variable is missing) is
 * not remembered: the next call tries again, so a handler written while `npm start` runs is
 * picked up, just as a fixed function is after a deploy.
 */
import path from 'node:path';

export type LambdaHandler = (event: unknown, context: unknown) => unknown;

export interface HandlerLoader {
  load(entry: string): Promise<LambdaHandler>;
}

export function createHandlerLoader(repoRoot: string): HandlerLoader {
  // ES-module-only dependencies need esm-interop.ts, which the cloud installs for its process
  // (under jest, jest's own transform takes care of them).
  const loaded = new Map<string, Promise<LambdaHandler>>();
  return {
    load(entry) {
      let pending = loaded.get(entry);
      if (!pending) {
        pending = importHandler(path.resolve(repoRoot, entry));
        loaded.set(entry, pending);
        pending.catch(() => loaded.delete(entry));
      }
      return pending;
    },
  };
}

async function importHandler(file: string): Promise<LambdaHandler> {
  // A plain path (not a file:// URL) works both under tsx and under jest's CommonJS transform.
  const mod = (await import(file)) as { handler?: unknown; default?: { handler?: unknown } };
  const handler = mod.handler ?? mod.default?.handler;
  if (typeof handler !== 'function') throw new Error(`${file} does not export a function named handler`);
  return handler as LambdaHandler;
}

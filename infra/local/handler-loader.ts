/**
 * Loads a function's handler module the first time the function is called, like a Lambda cold
 * start, and keeps it. A module that fails to load (missing, throws at init because a variable is
 * missing) is not remembered: the next call tries again, so a handler written while `npm start`
 * runs is picked up, just as a fixed function is after a deploy.
 *
 * Given `environmentOf`, each function (a route or a function table entry, by id) is loaded and
 * invoked in its own environment (infra/local/function-env.ts): the variables its `access` names
 * and no others, as in AWS.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FunctionAccess } from '../../shared/api/functions';
import { asFunction, type Environment } from './function-env';
import { meter } from './meter';

export type LambdaHandler = (event: unknown, context: unknown) => unknown;

/** What the loader needs to know of a function: the route or function table entry. */
export interface LoadableFunction {
  /** Route id or function table id: one handler (and one environment) per id. */
  id: string;
  /** Handler module relative to the repo root. */
  entry: string;
  access: FunctionAccess;
}

export interface HandlerLoader {
  load(fn: LoadableFunction): Promise<LambdaHandler>;
}

export interface HandlerLoaderOptions {
  /** The function's environment; without it every function sees the process's own. */
  environmentOf?(fn: LoadableFunction): Environment;
}

export function createHandlerLoader(repoRoot: string, options: HandlerLoaderOptions = {}): HandlerLoader {
  // ES-module-only dependencies need esm-interop.ts, which the cloud installs for its process
  // (under jest, jest's own transform takes care of them).
  const loaded = new Map<string, Promise<LambdaHandler>>();
  const load = async (fn: LoadableFunction): Promise<LambdaHandler> => {
    const file = path.resolve(repoRoot, fn.entry);
    if (!options.environmentOf) return importHandler(file);
    // One object per function, for its whole life: like a container's, writes to it persist
    // between its invocations and reach no other function.
    const running = { id: fn.id, env: options.environmentOf(fn), access: fn.access };
    const handler = await asFunction(running, () => importHandler(file));
    // Every call of every function passes here (gateway, Step Functions, streams, queues): the
    // meter's Lambda invocations and billed duration (./meter.ts).
    return async (event, context) => {
      const started = performance.now();
      try {
        return await asFunction(running, () => handler(event, context));
      } finally {
        meter.invocation(fn.id, performance.now() - started);
      }
    };
  };
  return {
    load(fn) {
      let pending = loaded.get(fn.id);
      if (!pending) {
        pending = load(fn);
        loaded.set(fn.id, pending);
        pending.catch(() => loaded.delete(fn.id));
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

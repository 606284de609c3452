/**
 * What the audit log records about the request a use case runs in (route id, request id, the
 * reason the caller gave), without threading them through every use case's parameters: the HTTP
 * handler (http.ts) runs the use case inside `inRequest`, and `currentRequest` reads it. Node's
 * AsyncLocalStorage follows the awaits of that one request, in Lambda and in the offline process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  /** The route id, or the CLI command for the operator's tools (`cli:tenant-export`). */
  route: string;
  requestId?: string;
  /** `X-Audit-Reason`, when the caller gave one. */
  reason?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const inRequest = <T>(context: RequestContext, run: () => Promise<T>): Promise<T> =>
  storage.run(context, run);

export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** The header a caller may give a reason in (e.g. the complaint being handled). */
export const AUDIT_REASON_HEADER = 'x-audit-reason';

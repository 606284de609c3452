/**
 * One webhook delivery attempt: POST the body with its signature headers to the address the SSRF
 * guard pinned (webhook-target.ts). The connection goes to that address whatever DNS says now
 * (the socket's `lookup` answers it), while the request line, Host and TLS SNI/certificate check
 * use the URL's host name. No redirect is followed (a 3xx is just an answer), the total time is
 * bounded (15 s by default), and at most a few KiB of the answer are read, then dropped: receivers
 * should answer quickly and briefly. It never throws: every failure is in the answer.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookSignatureHeaders } from '../domain/webhooks/signature';
import type { DeliveryTarget } from './webhook-target';

export const WEBHOOK_TIMEOUT_MS = 15_000;
/** Bytes of the receiver's answer read before the connection is dropped. */
export const MAX_RESPONSE_BYTES = 8 * 1024;
export const WEBHOOK_USER_AGENT = 'mot-cua-webhooks/1 (+https://www.standardwebhooks.com)';

export interface WebhookPost {
  target: DeliveryTarget;
  /** The JSON text that was signed: sent byte for byte. */
  body: string;
  /** `webhook-id`, `webhook-timestamp`, `webhook-signature` (shared/domain/webhooks/signature.ts). */
  signatureHeaders: Readonly<WebhookSignatureHeaders>;
  /** Total time for connect, send and answer; default 15 s. */
  timeoutMs?: number;
}

export interface WebhookPostResult {
  /** The receiver's HTTP status; absent when there was no answer (timeout, refused, TLS, reset). */
  status?: number;
  latencyMs: number;
  /** The answer's `Retry-After` header as sent (parse it with `parseRetryAfter`). */
  retryAfter?: string;
  /** Why there was no answer, e.g. `timeout`, `ECONNREFUSED`; never the body or secrets. */
  error?: string;
}

/** A `lookup` that answers the pinned address for any name: the connection cannot go elsewhere. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

export function postWebhook(post: WebhookPost): Promise<WebhookPostResult> {
  const started = performance.now();
  const timeoutMs = post.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const { target } = post;
  return new Promise<WebhookPostResult>((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (result: Omit<WebhookPostResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      resolve({ ...result, latencyMs: Math.round(performance.now() - started) });
    };
    const timer = setTimeout(() => finish({ error: 'timeout' }), timeoutMs);
    try {
      const transport = target.url.protocol === 'https:' ? https : http;
      const body = Buffer.from(post.body, 'utf8');
      request = transport.request({
        method: 'POST',
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        // Host: the URL's host (with its explicit port), never the pinned address.
        headers: {
          ...post.signatureHeaders,
          host: target.url.host,
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': WEBHOOK_USER_AGENT,
        },
        lookup: pinnedLookup(target.address, target.family),
        // SNI and the certificate's name: the URL's host. An IP literal has no SNI (RFC 6066).
        ...(target.url.protocol === 'https:' && isIP(target.hostname) === 0
          ? { servername: target.hostname }
          : {}),
        // A fresh connection per attempt: a pooled socket could be one made to another address.
        agent: false,
      });
      request.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.name }));
      request.on('response', (response) => {
        const status = response.statusCode;
        const header = response.headers['retry-after'];
        const retryAfter = Array.isArray(header) ? header[0] : header;
        let read = 0;
        const done = () => finish({ status, ...(retryAfter === undefined ? {} : { retryAfter }) });
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // Enough: the status is what counts, the rest is dropped with the connection.
          if (read >= MAX_RESPONSE_BYTES) done();
        });
        response.on('end', done);
        response.on('error', done);
        response.on('aborted', done);
      });
      request.end(body);
    } catch (error) {
      finish({ error: (error as Error).name || 'error' });
    }
  });
}

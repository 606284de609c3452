/** The outbound POST against receivers on 127.0.0.1 (loopback allowed by the policy in this test). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signatureHeaders } from '../../../shared/domain/webhooks/signature';
import { postWebhook } from '../../../shared/platform/webhook-post';
import { resolveDeliveryTarget, type DeliveryTarget } from '../../../shared/platform/webhook-target';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  url?: string;
}

let server: http.Server;
let port: number;
const received: Received[] = [];
let behave: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body, url: req.url });
      behave(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => (received.length = 0));

async function target(url = `http://127.0.0.1:${port}/hook?t=1`): Promise<DeliveryTarget> {
  const resolved = await resolveDeliveryTarget(url, { allowLoopback: true });
  if (!resolved.ok) throw new Error(resolved.refusal.message);
  return resolved.target;
}

const secret = newWebhookSecret();
const body = JSON.stringify({ type: 'dossier.received', data: { code: 'X' } });
const signed = () => signatureHeaders([secret], 'msg_test', Math.floor(Date.now() / 1000), body);

describe('postWebhook', () => {
  it('delivers a signed JSON body the official library verifies (2xx)', async () => {
    behave = (_req, res) => res.writeHead(204).end();
    const result = await postWebhook({ target: await target(), body, signatureHeaders: signed() });
    expect(result.status).toBe(204);
    expect(result.error).toBeUndefined();
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const [got] = received;
    expect(got.url).toBe('/hook?t=1');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toMatch(/^mot-cua-webhooks\//);
    expect(got.headers.host).toBe(`127.0.0.1:${port}`);
    expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toEqual(
      JSON.parse(body),
    );
  });

  it('answers a 500 with its Retry-After, reading only part of a large answer', async () => {
    behave = (_req, res) => {
      res.writeHead(500, { 'retry-after': '120' });
      res.end('x'.repeat(1024 * 1024));
    };
    const result = await postWebhook({ target: await target(), body, signatureHeaders: signed() });
    expect(result).toMatchObject({ status: 500, retryAfter: '120' });
  });

  it('answers 410 Gone', async () => {
    behave = (_req, res) => res.writeHead(410).end('gone');
    expect((await postWebhook({ target: await target(), body, signatureHeaders: signed() })).status).toBe(
      410,
    );
  });

  it('does not follow a redirect', async () => {
    behave = (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    const result = await postWebhook({ target: await target(), body, signatureHeaders: signed() });
    expect(result.status).toBe(302);
    expect(received).toHaveLength(1);
  });

  it('gives up on a receiver that hangs beyond the timeout', async () => {
    behave = () => undefined; // never answers
    const started = Date.now();
    const result = await postWebhook({
      target: await target(),
      body,
      signatureHeaders: signed(),
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ error: 'timeout' });
    expect(result.status).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('answers a refused connection without throwing', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await postWebhook({
      target: await target(`http://127.0.0.1:${freePort}/`),
      body,
      signatureHeaders: signed(),
      timeoutMs: 2000,
    });
    expect(result).toMatchObject({ error: 'ECONNREFUSED' });
    expect(result.status).toBeUndefined();
  });

  it('connects to the pinned address, not to whatever the host name resolves to now', async () => {
    behave = (_req, res) => res.writeHead(200).end();
    // The URL names a host that does not exist; the pinned address is the receiver on 127.0.0.1.
    const pinned: DeliveryTarget = {
      url: new URL(`http://receiver.invalid:${port}/pinned`),
      hostname: 'receiver.invalid',
      port,
      address: '127.0.0.1',
      family: 4,
    };
    const result = await postWebhook({ target: pinned, body, signatureHeaders: signed() });
    expect(result.status).toBe(200);
    expect(received[0].headers.host).toBe(`receiver.invalid:${port}`);
    expect(received[0].url).toBe('/pinned');
  });
});

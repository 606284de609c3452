/**
 * Webhook delivery on the offline cloud (issue 9 §5): N dossiers are submitted and accepted at the
 * counter (two public events each) to a processing subscription whose receiver listens on
 * 127.0.0.1 and answers 204 at once. Measured: delivery throughput (events / s from the first
 * commit to the last arrival) and end-to-end latency per event (the envelope's `time`, the commit
 * instant, to its arrival at the receiver), next to the raw cost of one HTTP POST to the same
 * receiver (postWebhook, no table, no queue). The stream read and SendMessageBatch figures come
 * from bench/raw-bus.ts. Standalone: `npx tsx bench/webhook-delivery.ts` (starts its own cloud).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ReadyInfo } from '../infra/local/ready-line';
import { signatureHeaders } from '../shared/domain/webhooks/signature';
import { postWebhook } from '../shared/platform/webhook-post';
import { median, percentile } from './stats';

export interface WebhookFigures {
  dossiers: number;
  events: number;
  /** Events per second, first commit to last arrival (paced by the sequential submits). */
  throughput: number;
  /**
   * Deliveries per second when a backlog drains: `drainDeliveries` deliveries requeued at once by
   * POST …/redeliver, from that request to the last arrival (outbox → stream → dispatcher →
   * deliveries queue → deliverer → receiver; the fan-out is not in this path).
   */
  drainDeliveries: number;
  drainThroughput: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  /** One POST of a delivery-sized body to the same receiver, sequentially. */
  rawPostP50Ms: number;
  rawPostP95Ms: number;
  /** The size of a delivered body, bytes (for the cost model). */
  bodyBytes: number;
}

const COMMUNE = '000.30.01.H99';
const SUBMITTER = 'tiepnhan.binhthanh';

async function post(info: ReadyInfo, path: string, token: string, body: unknown) {
  const res = await fetch(`${info.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function webhookDeliveryFigures(info: ReadyInfo, dossiers = 40): Promise<WebhookFigures> {
  const arrivals: Array<{ at: number; time: string; id: string; bytes: number }> = [];
  let answer = 204;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const envelope = JSON.parse(body) as { time: string; id: string };
        arrivals.push({ at, time: envelope.time, id: envelope.id, bytes: Buffer.byteLength(body) });
      } catch {
        // the raw POSTs below send the same body; they are not counted as arrivals
      }
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const admin = info.tokens.quantri as string;
    const sub = await post(info, '/v1/webhooks/subscriptions', admin, {
      url: `http://127.0.0.1:${port}/bench`,
      eventTypes: ['*'],
      purpose: 'processing',
      agency: COMMUNE,
    });
    const started = Date.now();
    const token = info.tokens[SUBMITTER] as string;
    for (let i = 0; i < dossiers; i++)
      await post(info, '/v1/dossiers', token, {
        procedureCode: '1.004227',
        channel: 'counter',
        applicant: { name: 'Bench', idNumber: '001088000999', phone: '0903000999', address: 'Bình Thành' },
        request: 'Bench',
        decision: { outcome: 'accept' },
      });
    const expected = dossiers * 2;
    const deadline = Date.now() + 120_000;
    while (new Set(arrivals.map((a) => a.id)).size < expected) {
      if (Date.now() > deadline) throw new Error(`only ${arrivals.length} of ${expected} webhooks arrived`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const last = Math.max(...arrivals.map((a) => a.at));
    const latencies = arrivals.map((a) => a.at - Date.parse(a.time));
    // Stop delivering to the bench receiver before the raw POSTs.
    await fetch(`${info.baseUrl}/v1/webhooks/subscriptions/${sub.id as string}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });

    const body = JSON.stringify({ raw: 'x'.repeat(arrivals[0].bytes - 12) });
    const target = {
      url: new URL(`http://127.0.0.1:${port}/raw`),
      hostname: '127.0.0.1',
      port,
      address: '127.0.0.1',
      family: 4 as const,
    };
    const secret = sub.secret as string;
    const raw: number[] = [];
    for (let i = 0; i < 205; i++) {
      const t = performance.now();
      await postWebhook({
        target,
        body,
        signatureHeaders: signatureHeaders([secret], `raw-${i}`, Math.floor(Date.now() / 1000), body),
      });
      if (i >= 5) raw.push(performance.now() - t);
    }

    // The drain: a second subscription whose receiver first answers 500 until every delivery has
    // failed twice (the next retry is then 5 min away), then answers 204 and the backlog is
    // redelivered at once.
    answer = 500;
    const since = new Date().toISOString();
    const drain = await post(info, '/v1/webhooks/subscriptions', admin, {
      url: `http://127.0.0.1:${port}/drain`,
      eventTypes: ['*'],
      purpose: 'processing',
      agency: COMMUNE,
    });
    for (let i = 0; i < dossiers; i++)
      await post(info, '/v1/dossiers', token, {
        procedureCode: '1.004227',
        channel: 'counter',
        applicant: { name: 'Bench', idNumber: '001088000999', phone: '0903000999', address: 'Bình Thành' },
        request: 'Bench',
        decision: { outcome: 'accept' },
      });
    const log = async () => {
      const res = await fetch(
        `${info.baseUrl}/v1/webhooks/subscriptions/${drain.id as string}/deliveries?limit=200`,
        { headers: { authorization: `Bearer ${admin}` } },
      );
      return ((await res.json()) as { items: Array<{ status: string; attempts: number }> }).items;
    };
    const settleBy = Date.now() + 90_000;
    for (;;) {
      const items = await log();
      if (items.length >= expected && items.every((d) => d.status === 'failed' && d.attempts >= 2)) break;
      if (Date.now() > settleBy)
        throw new Error(
          `the drain subscription did not settle: ${JSON.stringify(items.map((d) => [d.status, d.attempts]))}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    answer = 204;
    const before = arrivals.length;
    const drainStart = Date.now();
    const requeued = (await post(info, `/v1/webhooks/subscriptions/${drain.id as string}/redeliver`, admin, {
      since,
    })) as { requeued: number };
    const drainBy = Date.now() + 120_000;
    while (arrivals.length - before < requeued.requeued) {
      if (Date.now() > drainBy) throw new Error('the redelivered backlog did not drain');
      await new Promise((r) => setTimeout(r, 20));
    }
    const drainEnd = Math.max(...arrivals.slice(before).map((a) => a.at));

    return {
      dossiers,
      events: expected,
      drainDeliveries: requeued.requeued,
      drainThroughput: requeued.requeued / ((drainEnd - drainStart) / 1000),
      throughput: expected / ((last - started) / 1000),
      latencyP50Ms: median(latencies),
      latencyP95Ms: percentile(latencies, 95),
      rawPostP50Ms: median(raw),
      rawPostP95Ms: percentile(raw, 95),
      bodyBytes: median(arrivals.map((a) => a.bytes)),
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (require.main === module) {
  void (async () => {
    const { startCloudProcess, stopCloudProcess } = await import('../tests/integration/helpers/offline');
    const { rawBusCosts } = await import('./raw-bus');
    const cloud = await startCloudProcess({ timeoutMs: 90_000 });
    try {
      const figures = await webhookDeliveryFigures(
        cloud.info,
        Number(process.env.BENCH_WEBHOOK_DOSSIERS ?? 40),
      );
      const bus = await rawBusCosts(cloud.info);
      process.stdout.write(`${JSON.stringify({ webhooks: figures, bus }, null, 2)}\n`);
    } finally {
      await stopCloudProcess(cloud, { removeData: process.env.BENCH_KEEP_DATA !== 'true' });
      if (process.env.BENCH_KEEP_DATA === 'true') process.stderr.write(`logs: ${cloud.logFiles.stderr}\n`);
    }
  })();
}

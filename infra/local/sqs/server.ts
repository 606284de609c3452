/**
 * The offline SQS service: the AWS JSON 1.0 protocol the SDK v3 SQS client speaks (POST /, header
 * `X-Amz-Target: AmazonSQS.<Operation>`, content-type `application/x-amz-json-1.0`), over the
 * durable store (./store.ts). Functions reach it through AWS_ENDPOINT_URL_SQS, unchanged.
 * Unknown operations and bad requests get AWS's JSON error shape (`__type`, `message`, and the
 * query-compatible code in `x-amzn-query-error`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_ACCOUNT, queueArn, queueNameOf, queueUrl } from './queues';
import { LIMITS, SqsError, validateSend, type SendInput, type SqsStore } from './store';

export interface LocalSqsServer {
  endpoint: string;
  port: number;
  urlOf(name: string): string;
  stop(): Promise<void>;
}

type Body = Record<string, unknown>;
type Operation = (store: SqsStore, body: Body, endpoint: string) => Promise<Body>;

const nameFrom = (body: Body): string => {
  if (typeof body.QueueUrl !== 'string')
    throw new SqsError('MissingParameter', 'The request must contain the parameter QueueUrl.');
  return queueNameOf(body.QueueUrl);
};

/** Batch entries: 1–10, ids distinct. */
function entriesOf(body: Body): Body[] {
  const entries = body.Entries;
  if (!Array.isArray(entries) || entries.length === 0)
    throw new SqsError(
      'EmptyBatchRequest',
      'There should be at least one entry in the request.',
      'AWS.SimpleQueueService.EmptyBatchRequest',
    );
  if (entries.length > LIMITS.batchEntries)
    throw new SqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are ${LIMITS.batchEntries}. You have sent ${entries.length}.`,
      'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    );
  const ids = (entries as Body[]).map((e) => e.Id);
  if (new Set(ids).size !== ids.length)
    throw new SqsError(
      'BatchEntryIdsNotDistinct',
      'Two or more batch entries in the request have the same Id.',
      'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
    );
  return entries as Body[];
}

/** Runs each entry alone, so one bad entry fails only itself (as SQS answers batches). */
async function perEntry(entries: Body[], run: (entry: Body) => Promise<Body>): Promise<Body> {
  const Successful: Body[] = [];
  const Failed: Body[] = [];
  for (const entry of entries) {
    try {
      Successful.push({ Id: entry.Id, ...(await run(entry)) });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      Failed.push({ Id: entry.Id, SenderFault: true, Code: error.code, Message: error.message });
    }
  }
  return { Successful, Failed };
}

const sendInput = (entry: Body): SendInput => ({
  body: entry.MessageBody as string,
  delaySeconds: entry.DelaySeconds as number | undefined,
  attributes: entry.MessageAttributes as SendInput['attributes'],
});

const sentAnswer = (result: { messageId: string; md5OfBody: string; md5OfAttributes?: string }): Body => ({
  MessageId: result.messageId,
  MD5OfMessageBody: result.md5OfBody,
  ...(result.md5OfAttributes ? { MD5OfMessageAttributes: result.md5OfAttributes } : {}),
});

/** Valid entries go in one store write (one file write per batch, not ten); each bad one fails alone. */
async function sendBatch(store: SqsStore, name: string, entries: Body[]): Promise<Body> {
  const valid: Body[] = [];
  const Failed: Body[] = [];
  for (const entry of entries) {
    try {
      validateSend(sendInput(entry));
      valid.push(entry);
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      Failed.push({ Id: entry.Id, SenderFault: true, Code: error.code, Message: error.message });
    }
  }
  const results = valid.length > 0 ? await store.send(name, valid.map(sendInput)) : [];
  return { Successful: results.map((result, i) => ({ Id: valid[i].Id, ...sentAnswer(result) })), Failed };
}

const OPERATIONS: Record<string, Operation> = {
  SendMessage: async (store, body) => sentAnswer((await store.send(nameFrom(body), [sendInput(body)]))[0]),
  SendMessageBatch: (store, body) => sendBatch(store, nameFrom(body), entriesOf(body)),
  ReceiveMessage: async (store, body) => {
    const messages = await store.receive(
      nameFrom(body),
      (body.MaxNumberOfMessages as number | undefined) ?? 1,
      body.VisibilityTimeout as number | undefined,
    );
    return {
      Messages: messages.map((m) => ({
        MessageId: m.messageId,
        ReceiptHandle: m.receiptHandle,
        Body: m.body,
        MD5OfBody: m.md5OfBody,
        Attributes: m.attributes,
        ...(Object.keys(m.messageAttributes).length > 0 ? { MessageAttributes: m.messageAttributes } : {}),
      })),
    };
  },
  DeleteMessage: async (store, body) => {
    await store.delete(nameFrom(body), [body.ReceiptHandle as string]);
    return {};
  },
  DeleteMessageBatch: (store, body) => {
    const name = nameFrom(body);
    return perEntry(entriesOf(body), async (entry) => {
      await store.delete(name, [entry.ReceiptHandle as string]);
      return {};
    });
  },
  ChangeMessageVisibility: async (store, body) => {
    await store.changeVisibility(nameFrom(body), [
      { receiptHandle: body.ReceiptHandle as string, seconds: body.VisibilityTimeout as number },
    ]);
    return {};
  },
  ChangeMessageVisibilityBatch: (store, body) => {
    const name = nameFrom(body);
    return perEntry(entriesOf(body), async (entry) => {
      await store.changeVisibility(name, [
        { receiptHandle: entry.ReceiptHandle as string, seconds: entry.VisibilityTimeout as number },
      ]);
      return {};
    });
  },
  GetQueueUrl: async (store, body, endpoint) => {
    const name = String(body.QueueName ?? '');
    store.config(name);
    return { QueueUrl: queueUrl(endpoint, name) };
  },
  GetQueueAttributes: async (store, body) => {
    const name = nameFrom(body);
    const config = store.config(name);
    const counts = store.counts(name);
    const all: Record<string, string> = {
      ApproximateNumberOfMessages: String(counts.visible),
      ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
      ApproximateNumberOfMessagesDelayed: String(counts.delayed),
      VisibilityTimeout: String(config.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(config.retentionSeconds),
      QueueArn: queueArn(process.env.AWS_REGION ?? 'ap-southeast-1', name),
      ...(config.redrive
        ? {
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: queueArn(
                process.env.AWS_REGION ?? 'ap-southeast-1',
                config.redrive.deadLetterQueue,
              ),
              maxReceiveCount: config.redrive.maxReceiveCount,
            }),
          }
        : {}),
    };
    const wanted = (body.AttributeNames as string[] | undefined) ?? [];
    const Attributes = wanted.includes('All')
      ? all
      : Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k)));
    return { Attributes };
  },
  ListQueues: async (store, _body, endpoint) => ({
    QueueUrls: store.names().map((n) => queueUrl(endpoint, n)),
  }),
};

export async function startLocalSqs(options: {
  store: SqsStore;
  host: string;
  port: number;
}): Promise<LocalSqsServer> {
  let endpoint = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void answer(options.store, endpoint, req, Buffer.concat(chunks).toString('utf8')).then(
        ({ status, body, queryError }) => {
          res.writeHead(status, {
            'content-type': 'application/x-amz-json-1.0',
            'x-amzn-requestid': crypto.randomUUID(),
            ...(queryError ? { 'x-amzn-query-error': queryError } : {}),
          });
          res.end(JSON.stringify(body));
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  endpoint = `http://${options.host}:${port}`;
  return {
    endpoint,
    port,
    urlOf: (name) => queueUrl(endpoint, name),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  store: SqsStore,
  endpoint: string,
  req: http.IncomingMessage,
  text: string,
): Promise<{ status: number; body: Body; queryError?: string }> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const [service, operation] = target.split('.');
  const run = service === 'AmazonSQS' ? OPERATIONS[operation ?? ''] : undefined;
  try {
    if (req.method !== 'POST' || !run)
      throw new SqsError(
        'UnsupportedOperation',
        `The offline SQS does not serve ${target || req.method + ' ' + req.url} (${LOCAL_ACCOUNT}).`,
        'AWS.SimpleQueueService.UnsupportedOperation',
      );
    let body: Body;
    try {
      body = text === '' ? {} : (JSON.parse(text) as Body);
    } catch {
      throw new SqsError('InvalidParameterValue', 'The request body is not JSON.');
    }
    return { status: 200, body: await run(store, body, endpoint) };
  } catch (error) {
    if (error instanceof SqsError)
      return {
        status: 400,
        body: { __type: `com.amazonaws.sqs#${error.code}`, message: error.message },
        queryError: `${error.queryCode};Sender`,
      };
    return {
      status: 500,
      body: { __type: 'com.amazonaws.sqs#InternalError', message: (error as Error).message },
      queryError: 'InternalError;Receiver',
    };
  }
}

/**
 * The offline SQS's queues and messages, durable: each queue is a JSON file under
 * `<dataDir>/sqs/<queue>.json`, written whole (temp file + rename, so a crash leaves the old or the
 * new file, never half of one) after every change, and a change is answered only once its write is
 * done. A SIGKILL of the cloud therefore loses no message SQS acknowledged.
 *
 * Semantics kept (what consumers rely on): per-message delay (0–900 s), visibility timeout on
 * receive and ChangeMessageVisibility (0–12 h), a new receipt handle per receive (only the newest
 * deletes: an older one "succeeds" without deleting, as in SQS), ApproximateReceiveCount, the move
 * to the dead-letter queue once a message was received maxReceiveCount times, retention.
 * Not kept: FIFO queues, long polling, message groups, batch size over 10 is an error as in SQS.
 *
 * One offline difference, on purpose: at open, messages hidden by a *receive* become visible again,
 * because the only receiver (the cloud's poller) died with the cloud. A message hidden by
 * ChangeMessageVisibility (a consumer's back-off) keeps its time.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { md5Hex, md5OfAttributes, type MessageAttributeValue } from './md5';
import type { LocalQueueConfig } from './queues';

/** SQS's limits. */
export const LIMITS = {
  batchEntries: 10,
  maxDelaySeconds: 900,
  maxVisibilitySeconds: 43_200,
  maxBodyBytes: 262_144,
} as const;

export class SqsError extends Error {
  constructor(
    /** The AWS error code (`__type` without namespace). */
    readonly code: string,
    message: string,
    /** The awsQueryCompatible code (x-amzn-query-error). */
    readonly queryCode = code,
  ) {
    super(message);
    this.name = code;
  }
}

interface StoredMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  attributes: Record<string, MessageAttributeValue>;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** The current receipt handle (changes on every receive). */
  receiptHandle?: string;
  /** Hidden by ChangeMessageVisibility rather than by a receive (kept across a restart). */
  backoff?: boolean;
}

interface QueueFile {
  config: LocalQueueConfig;
  messages: StoredMessage[];
}

export interface SendInput {
  body: string;
  delaySeconds?: number;
  attributes?: Record<string, MessageAttributeValue>;
}

export interface SendResult {
  messageId: string;
  md5OfBody: string;
  md5OfAttributes?: string;
}

export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  attributes: {
    ApproximateReceiveCount: string;
    SentTimestamp: string;
    ApproximateFirstReceiveTimestamp: string;
    SenderId: string;
  };
  messageAttributes: Record<string, MessageAttributeValue>;
}

export interface QueueCounts {
  visible: number;
  inFlight: number;
  delayed: number;
}

/** Writes one queue's file, one write at a time; a change waits for a write that started after it. */
class QueueWriter {
  private last: Promise<void> = Promise.resolve();
  private next?: Promise<void>;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => string,
  ) {}

  save(): Promise<void> {
    if (this.next) return this.next;
    const write = this.last.then(async () => {
      this.next = undefined;
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, this.snapshot());
      await rename(tmp, this.file);
    });
    this.next = write;
    this.last = write.catch(() => undefined);
    return write;
  }
}

export class SqsStore {
  private readonly queues = new Map<string, QueueFile>();
  private readonly writers = new Map<string, QueueWriter>();

  private constructor(
    private readonly dir: string,
    private readonly now: () => number,
    private readonly maxHideMs: number,
  ) {}

  /**
   * `maxHideMs`: a test knob (MOTCUA_LOCAL_SQS_MAX_DELAY_MS, read by infra/local/start.ts only)
   * that caps every hiding — delay, visibility timeout, ChangeMessageVisibility — so a test sees a
   * 5 s / 5 min / 30 min back-off in seconds. The values asked for are still validated as SQS does;
   * only the time the message stays hidden is shortened. Function code never knows.
   */
  static async open(
    dir: string,
    configs: readonly LocalQueueConfig[],
    options: { now?: () => number; maxHideMs?: number } = {},
  ): Promise<SqsStore> {
    await mkdir(dir, { recursive: true });
    const store = new SqsStore(dir, options.now ?? Date.now, options.maxHideMs ?? Number.POSITIVE_INFINITY);
    for (const config of configs) await store.load(config);
    return store;
  }

  private async load(config: LocalQueueConfig): Promise<void> {
    const file = path.join(this.dir, `${config.name}.json`);
    let messages: StoredMessage[] = [];
    try {
      messages = (JSON.parse(await readFile(file, 'utf8')) as QueueFile).messages;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const now = this.now();
    for (const m of messages)
      if (m.receiptHandle && !m.backoff && m.visibleAt > now) {
        m.visibleAt = now;
        m.receiptHandle = undefined;
      }
    const queue: QueueFile = { config, messages };
    this.queues.set(config.name, queue);
    this.writers.set(config.name, new QueueWriter(file, () => `${JSON.stringify(queue)}\n`));
  }

  names(): string[] {
    return [...this.queues.keys()];
  }

  config(name: string): LocalQueueConfig {
    return this.queue(name).config;
  }

  /** How long a message asked to hide for `ms` really hides (the test knob's cap). */
  private hide(ms: number): number {
    return Math.min(ms, this.maxHideMs);
  }

  private queue(name: string): QueueFile {
    const queue = this.queues.get(name);
    if (!queue)
      throw new SqsError(
        'QueueDoesNotExist',
        `The specified queue ${name} does not exist.`,
        'AWS.SimpleQueueService.NonExistentQueue',
      );
    return queue;
  }

  private save(name: string): Promise<void> {
    return (this.writers.get(name) as QueueWriter).save();
  }

  /** Sends every input, or none (validated first); answers once they are on disk. */
  async send(name: string, inputs: readonly SendInput[]): Promise<SendResult[]> {
    const queue = this.queue(name);
    for (const input of inputs) validateSend(input);
    const now = this.now();
    const results = inputs.map((input) => {
      const message: StoredMessage = {
        messageId: randomUUID(),
        body: input.body,
        md5OfBody: md5Hex(input.body),
        attributes: input.attributes ?? {},
        sentAt: now,
        visibleAt: now + this.hide((input.delaySeconds ?? 0) * 1000),
        receiveCount: 0,
      };
      queue.messages.push(message);
      const attributesMd5 = md5OfAttributes(message.attributes);
      return {
        messageId: message.messageId,
        md5OfBody: message.md5OfBody,
        ...(attributesMd5 ? { md5OfAttributes: attributesMd5 } : {}),
      };
    });
    await this.save(name);
    return results;
  }

  /**
   * Up to `max` visible messages, hidden for the queue's visibility timeout (or `visibilitySeconds`).
   * A message already received maxReceiveCount times moves to the dead-letter queue instead.
   */
  async receive(name: string, max: number, visibilitySeconds?: number): Promise<ReceivedMessage[]> {
    if (!Number.isInteger(max) || max < 1 || max > LIMITS.batchEntries)
      throw new SqsError('InvalidParameterValue', 'MaxNumberOfMessages must be between 1 and 10.');
    const queue = this.queue(name);
    const now = this.now();
    const changed = this.expire(queue, now);
    const hideFor = this.hide((visibilitySeconds ?? queue.config.visibilityTimeoutSeconds) * 1000);
    const received: ReceivedMessage[] = [];
    const moved: StoredMessage[] = [];
    for (const m of queue.messages) {
      if (received.length >= max) break;
      if (m.visibleAt > now) continue;
      const redrive = queue.config.redrive;
      if (redrive && m.receiveCount >= redrive.maxReceiveCount) {
        moved.push(m);
        continue;
      }
      m.receiveCount += 1;
      m.firstReceivedAt ??= now;
      m.receiptHandle = `${m.messageId}#${randomUUID()}`;
      m.visibleAt = now + hideFor;
      m.backoff = false;
      received.push({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        md5OfBody: m.md5OfBody,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt),
          SenderId: 'AIDAOFFLINECLOUD',
        },
        messageAttributes: m.attributes,
      });
    }
    if (moved.length > 0) await this.moveToDeadLetter(queue, moved, now);
    if (received.length > 0 || changed || moved.length > 0) await this.save(name);
    return received;
  }

  private async moveToDeadLetter(queue: QueueFile, moved: StoredMessage[], now: number): Promise<void> {
    const dlq = this.queue(
      (queue.config.redrive as NonNullable<LocalQueueConfig['redrive']>).deadLetterQueue,
    );
    for (const m of moved) {
      // The dead-letter copy keeps id, body, attributes and original send time, as SQS does.
      dlq.messages.push({ ...m, visibleAt: now, receiptHandle: undefined, backoff: false });
    }
    // The dead-letter queue's file first: a crash in between leaves a duplicate, never a loss.
    await this.save(dlq.config.name);
    queue.messages = queue.messages.filter((m) => !moved.includes(m));
  }

  /** Drops messages past the queue's retention; whether any were. */
  private expire(queue: QueueFile, now: number): boolean {
    const keep = queue.messages.filter((m) => now - m.sentAt < queue.config.retentionSeconds * 1000);
    const changed = keep.length !== queue.messages.length;
    queue.messages = keep;
    return changed;
  }

  private byHandle(queue: QueueFile, receiptHandle: string): StoredMessage | undefined {
    if (typeof receiptHandle !== 'string' || !receiptHandle.includes('#'))
      throw new SqsError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${String(receiptHandle)}" is not a valid receipt handle.`,
      );
    return queue.messages.find((m) => m.receiptHandle === receiptHandle);
  }

  /** Deletes the message this handle names, if it is the newest handle; otherwise does nothing. */
  async delete(name: string, receiptHandles: readonly string[]): Promise<void> {
    const queue = this.queue(name);
    const gone = new Set(receiptHandles.map((h) => this.byHandle(queue, h)).filter((m) => m !== undefined));
    if (gone.size === 0) return;
    queue.messages = queue.messages.filter((m) => !gone.has(m));
    await this.save(name);
  }

  /** Hides an in-flight message for `seconds` from now (0 makes it visible at once). */
  async changeVisibility(name: string, changes: ReadonlyArray<{ receiptHandle: string; seconds: number }>) {
    const queue = this.queue(name);
    const now = this.now();
    const found = changes.map(({ receiptHandle, seconds }) => {
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > LIMITS.maxVisibilitySeconds)
        throw new SqsError(
          'InvalidParameterValue',
          `Value ${seconds} for parameter VisibilityTimeout is invalid. Reason: must be between 0 and 43200.`,
        );
      const m = this.byHandle(queue, receiptHandle);
      if (!m || m.visibleAt <= now)
        throw new SqsError(
          'MessageNotInflight',
          'The message referred to is not in flight.',
          'AWS.SimpleQueueService.MessageNotInflight',
        );
      return { m, seconds };
    });
    for (const { m, seconds } of found) {
      m.visibleAt = now + this.hide(seconds * 1000);
      m.backoff = seconds > 0;
    }
    await this.save(name);
  }

  counts(name: string): QueueCounts {
    const queue = this.queue(name);
    const now = this.now();
    const counts: QueueCounts = { visible: 0, inFlight: 0, delayed: 0 };
    for (const m of queue.messages) {
      if (now - m.sentAt >= queue.config.retentionSeconds * 1000) continue;
      if (m.visibleAt <= now) counts.visible += 1;
      else if (m.receiveCount > 0) counts.inFlight += 1;
      else counts.delayed += 1;
    }
    return counts;
  }

  /** Every message body of a queue, received or not (for tests and inspection; not an SQS call). */
  peekBodies(name: string): string[] {
    return this.queue(name).messages.map((m) => m.body);
  }

  /** Waits for writes under way (a clean stop). */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.keys()].map((name) => this.save(name)));
  }
}

/** Throws the SqsError SQS answers for an entry it refuses. */
export function validateSend(input: SendInput): void {
  const delay = input.delaySeconds ?? 0;
  if (!Number.isInteger(delay) || delay < 0 || delay > LIMITS.maxDelaySeconds)
    throw new SqsError(
      'InvalidParameterValue',
      `Value ${delay} for parameter DelaySeconds is invalid. Reason: must be between 0 and 900.`,
    );
  if (typeof input.body !== 'string' || input.body.length === 0)
    throw new SqsError('MissingParameter', 'The request must contain the parameter MessageBody.');
  if (Buffer.byteLength(input.body, 'utf8') > LIMITS.maxBodyBytes)
    throw new SqsError(
      'InvalidParameterValue',
      'One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.',
    );
}

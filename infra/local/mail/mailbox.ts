/**
 * The local mailbox: every e-mail and SMS the offline cloud's stand-ins for SES v2 and SNS
 * accepted (./ses.ts, ./sns.ts), kept durably under `<dataDir>/mail/`, one JSON file per message
 * (write-then-rename: a crash leaves the message whole or absent), and read back at start. Nothing
 * is delivered anywhere: `GET /_local/mail` shows what would have been.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface MailMessage {
  /** The provider message id returned to the sender. */
  id: string;
  channel: 'email' | 'sms';
  /** When the stand-in accepted it (wall clock, UTC). */
  receivedAt: string;
  from?: string;
  to: string[];
  subject?: string;
  text: string;
  /** SES message tags (tenant, dossier, kind) or SNS message attributes. */
  tags: Record<string, string>;
}

export interface MailFilter {
  to?: string;
  dossier?: string;
  channel?: string;
}

export interface Mailbox {
  add(message: Omit<MailMessage, 'id' | 'receivedAt'>): Promise<MailMessage>;
  /** Oldest first. */
  list(filter?: MailFilter): MailMessage[];
  /**
   * Test knob: the next `count` sends (of `channel`, or any) are refused, with an error the SDK
   * does not retry, so a test sees the queue's retry. Never reachable from function code.
   */
  failNext(count: number, channel?: 'email' | 'sms'): void;
  /** True if this send must be refused (and counts it). */
  takeFailure(channel: 'email' | 'sms'): boolean;
}

const matches = (m: MailMessage, f: MailFilter): boolean =>
  (f.to === undefined || m.to.some((t) => t.toLowerCase() === f.to?.toLowerCase())) &&
  (f.channel === undefined || m.channel === f.channel) &&
  (f.dossier === undefined || m.tags.dossier === f.dossier || m.text.includes(f.dossier));

export async function openMailbox(dir: string): Promise<Mailbox> {
  await mkdir(dir, { recursive: true });
  const messages: MailMessage[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort())
    messages.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')) as MailMessage);
  let failures: { count: number; channel?: 'email' | 'sms' } = { count: 0 };
  let sequence = messages.length;
  return {
    async add(message) {
      const stored: MailMessage = { id: randomUUID(), receivedAt: new Date().toISOString(), ...message };
      // The sequence keeps the files in arrival order, whatever the clock does.
      const file = path.join(dir, `${String(++sequence).padStart(8, '0')}-${stored.id}.json`);
      await writeFile(`${file}.tmp`, JSON.stringify(stored, null, 2));
      await rename(`${file}.tmp`, file);
      messages.push(stored);
      return stored;
    },
    list: (filter = {}) => messages.filter((m) => matches(m, filter)),
    failNext(count, channel) {
      failures = { count, channel };
    },
    takeFailure(channel) {
      if (failures.count <= 0 || (failures.channel && failures.channel !== channel)) return false;
      failures.count -= 1;
      return true;
    },
  };
}

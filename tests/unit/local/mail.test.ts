/**
 * The offline SES v2 and SNS stand-ins (infra/local/mail): the installed SDK clients talk to them
 * unchanged (SES v2 REST-JSON, SNS awsQuery), what they accept lands in the durable mailbox and is
 * listed with its filters, the failure knob refuses with an error the SDK does not retry, and a
 * mailbox opened again on the same folder has every message. Loopback only.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { openMailbox, type Mailbox } from '../../../infra/local/mail/mailbox';
import { decodeEncodedWords, handleMail, SES_PATH, SNS_PATH } from '../../../infra/local/mail/service';
import { fromAddress } from '../../../shared/platform/notification-sender';

let dir: string;
let mailbox: Mailbox;
let server: http.Server;
let base: string;
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'ap-southeast-1';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-mail-test-'));
  mailbox = await openMailbox(dir);
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handleMail(mailbox, req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks)).then((reply) => {
        if (!reply) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(reply.statusCode, reply.headers).end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const ses = () => new SESv2Client({ endpoint: `${base}${SES_PATH}`, region, credentials, maxAttempts: 1 });
const sns = () => new SNSClient({ endpoint: `${base}${SNS_PATH}`, region, credentials, maxAttempts: 1 });
const email = (to: string, dossier: string) =>
  new SendEmailCommand({
    FromEmailAddress: fromAddress('UBND tỉnh Demo', 'thongbao@motcua.local'),
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: { Subject: { Data: 'Hồ sơ đã được tiếp nhận' }, Body: { Text: { Data: 'Nội dung' } } },
    },
    EmailTags: [{ Name: 'dossier', Value: dossier }],
  });

describe('local SES v2 and SNS', () => {
  it('accepts the SDK’s SendEmail and Publish, and lists them with filters', async () => {
    const sent = await ses().send(email('an@example.vn', 'A.1-1'));
    expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    const sms = await sns().send(
      new PublishCommand({
        PhoneNumber: '+84912345678',
        Message: 'Ho so A.1-1 da duoc tiep nhan',
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );
    expect(sms.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    await ses().send(email('binh@example.vn', 'B.2-2'));

    const all = (await (await fetch(`${base}/_local/mail`)).json()) as { count: number; messages: unknown[] };
    expect(all.count).toBe(3);
    const byDossier = (await (await fetch(`${base}/_local/mail?dossier=A.1-1`)).json()) as {
      messages: Array<{ channel: string; from?: string; subject?: string; tags: Record<string, string> }>;
    };
    expect(byDossier.messages.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(byDossier.messages[0]).toMatchObject({
      from: 'UBND tỉnh Demo <thongbao@motcua.local>',
      subject: 'Hồ sơ đã được tiếp nhận',
      tags: { dossier: 'A.1-1' },
    });
    expect(byDossier.messages[1].tags).toEqual({ 'AWS.SNS.SMS.SMSType': 'Transactional' });
    const byTo = (await (await fetch(`${base}/_local/mail?to=BINH@example.vn`)).json()) as { count: number };
    expect(byTo.count).toBe(1);
    const html = await fetch(`${base}/_local/mail?channel=sms&format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('Hộp thư cục bộ (1)');
  });

  it('refuses what SES and SNS would refuse', async () => {
    await expect(
      sns().send(new PublishCommand({ PhoneNumber: '0912345678', Message: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      sns().send(new PublishCommand({ TopicArn: 'arn:aws:sns:x:1:t', Message: 'x' })),
    ).rejects.toThrow(/PhoneNumber/);
  });

  it('the failure knob refuses the next sends of a channel, then lets them through', async () => {
    const knob = await fetch(`${base}/_local/mail/failures`, {
      method: 'POST',
      body: JSON.stringify({ count: 1, channel: 'email' }),
    });
    expect(knob.status).toBe(200);
    await sns().send(new PublishCommand({ PhoneNumber: '+84912345678', Message: 'sms passes' }));
    await expect(ses().send(email('an@example.vn', 'C.3-3'))).rejects.toMatchObject({
      name: 'MessageRejected',
    });
    await ses().send(email('an@example.vn', 'C.3-3'));
    expect(mailbox.list({ dossier: 'C.3-3' })).toHaveLength(1);
    const bad = await fetch(`${base}/_local/mail/failures`, { method: 'POST', body: '{"count":-1}' });
    expect(bad.status).toBe(400);
  });

  it('keeps every message across a reopen, in arrival order', async () => {
    const again = await openMailbox(dir);
    expect(again.list().map((m) => m.id)).toEqual(mailbox.list().map((m) => m.id));
  });

  it('decodes RFC 2047 display names', () => {
    expect(decodeEncodedWords(fromAddress('Trung tâm "PVHCC"', 'a@b.vn'))).toBe('Trung tâm PVHCC <a@b.vn>');
    expect(fromAddress('', 'a@b.vn')).toBe('a@b.vn');
  });
});

/**
 * The offline stand-ins for Amazon SES v2 and Amazon SNS (SMS), served by the gateway under
 * `/_local/`, and the mailbox's own view:
 *
 * - `POST /_local/ses/v2/email/outbound-emails`: SES v2 SendEmail (REST-JSON), the handlers'
 *   AWS_ENDPOINT_URL_SESV2 is `<base>/_local/ses`;
 * - `POST /_local/sns`: SNS Publish to a phone number (awsQuery: form-encoded request, XML
 *   answer), the handlers' AWS_ENDPOINT_URL_SNS;
 * - `GET /_local/mail[?to=&dossier=&channel=][&format=html]`: what was sent, oldest first;
 * - `POST /_local/mail/failures {"count": n, "channel"?: "email"|"sms"}`: refuse the next n sends
 *   (test knob: a refusal the SDK does not retry, so the queue's redelivery must).
 *
 * Only the calls the notification sender makes are served; anything else is refused as AWS
 * refuses an unknown operation.
 */
import { randomUUID } from 'node:crypto';
import type { HttpReply } from '../api-response';
import type { Mailbox, MailFilter } from './mailbox';

export const SES_PATH = '/_local/ses';
export const SNS_PATH = '/_local/sns';
export const MAIL_PATH = '/_local/mail';
const SES_SEND = `${SES_PATH}/v2/email/outbound-emails`;

const reply = (statusCode: number, contentType: string, body: string, headers = {}): HttpReply => ({
  statusCode,
  headers: { 'content-type': contentType, ...headers },
  body: Buffer.from(body),
});
const json = (statusCode: number, value: unknown, headers = {}) =>
  reply(statusCode, 'application/json', JSON.stringify(value), headers);

/** `=?UTF-8?B?…?= <a@b>` → `Tên <a@b>`, as a mail client shows it. */
export function decodeEncodedWords(header: string): string {
  return header.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/gi, (_, b64: string) =>
    Buffer.from(b64, 'base64').toString('utf8'),
  );
}

interface SesSendEmail {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string } } } };
  EmailTags?: Array<{ Name: string; Value: string }>;
}

const sesError = (status: number, type: string, message: string) =>
  json(status, { message }, { 'x-amzn-errortype': type });

async function sesSendEmail(mailbox: Mailbox, body: Buffer): Promise<HttpReply> {
  let request: SesSendEmail;
  try {
    request = JSON.parse(body.toString('utf8')) as SesSendEmail;
  } catch {
    return sesError(400, 'BadRequestException', 'Body must be JSON');
  }
  const to = request.Destination?.ToAddresses ?? [];
  const simple = request.Content?.Simple;
  if (!request.FromEmailAddress || to.length === 0 || !simple?.Subject?.Data || !simple.Body?.Text?.Data)
    return sesError(400, 'BadRequestException', 'From, To, Subject and a text Body are required here');
  if (mailbox.takeFailure('email')) return sesError(400, 'MessageRejected', 'Refused by the local test knob');
  const stored = await mailbox.add({
    channel: 'email',
    from: decodeEncodedWords(request.FromEmailAddress),
    to,
    subject: simple.Subject.Data,
    text: simple.Body.Text.Data,
    tags: Object.fromEntries((request.EmailTags ?? []).map((t) => [t.Name, t.Value])),
  });
  return json(200, { MessageId: stored.id });
}

const snsXml = (status: number, inner: string) =>
  reply(status, 'text/xml', `<?xml version="1.0"?>\n${inner}`);
const snsError = (status: number, code: string, message: string) =>
  snsXml(
    status,
    `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type>` +
      `<Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );

async function snsPublish(mailbox: Mailbox, body: Buffer): Promise<HttpReply> {
  const form = new URLSearchParams(body.toString('utf8'));
  const action = form.get('Action');
  if (action !== 'Publish')
    return snsError(400, 'InvalidAction', `The local SNS serves Publish only, not ${action}`);
  const phone = form.get('PhoneNumber');
  const text = form.get('Message');
  if (!phone || !text)
    return snsError(400, 'InvalidParameter', 'PhoneNumber and Message are required here (no topics)');
  if (!/^\+\d{8,15}$/.test(phone))
    return snsError(400, 'InvalidParameter', `Invalid parameter: PhoneNumber Reason: ${phone} is not E.164`);
  if (mailbox.takeFailure('sms')) return snsError(400, 'InvalidParameter', 'Refused by the local test knob');
  const attributes: Record<string, string> = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++)
    attributes[form.get(`MessageAttributes.entry.${n}.Name`) as string] =
      form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? '';
  const stored = await mailbox.add({ channel: 'sms', to: [phone], text, tags: attributes });
  return snsXml(
    200,
    `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>` +
      `<MessageId>${stored.id}</MessageId></PublishResult><ResponseMetadata>` +
      `<RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
  );
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function listMail(mailbox: Mailbox, query: URLSearchParams): HttpReply {
  const filter: MailFilter = {};
  for (const key of ['to', 'dossier', 'channel'] as const) {
    const value = query.get(key);
    if (value !== null && value !== '') filter[key] = value;
  }
  const messages = mailbox.list(filter);
  if (query.get('format') !== 'html') return json(200, { count: messages.length, messages });
  const rows = messages
    .map(
      (m) =>
        `<article><h2>${escapeXml(m.subject ?? 'SMS')}</h2><p><b>${m.channel}</b> ` +
        `${escapeXml(m.from ?? '')} → ${escapeXml(m.to.join(', '))} · ${m.receivedAt}</p>` +
        `<pre>${escapeXml(m.text)}</pre></article>`,
    )
    .join('\n');
  return reply(
    200,
    'text/html; charset=utf-8',
    `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Hộp thư cục bộ</title>` +
      `<style>body{font-family:sans-serif;max-width:50rem;margin:auto}pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}</style>` +
      `<h1>Hộp thư cục bộ (${messages.length})</h1>${rows || '<p>Chưa có thư nào.</p>'}</html>`,
  );
}

function setFailures(mailbox: Mailbox, body: Buffer): HttpReply {
  let request: { count?: unknown; channel?: unknown };
  try {
    request = JSON.parse(body.toString('utf8') || '{}') as typeof request;
  } catch {
    return json(400, { message: 'Body must be JSON' });
  }
  const channel = request.channel;
  if (
    typeof request.count !== 'number' ||
    !Number.isInteger(request.count) ||
    request.count < 0 ||
    (channel !== undefined && channel !== 'email' && channel !== 'sms')
  )
    return json(400, { message: 'Send {"count": <integer ≥ 0>, "channel"?: "email" | "sms"}' });
  mailbox.failNext(request.count, channel as 'email' | 'sms' | undefined);
  return json(200, { count: request.count, channel: channel ?? null });
}

/** The mail stand-ins' answer, or undefined when the path is not theirs. */
export async function handleMail(
  mailbox: Mailbox,
  method: string,
  url: string,
  body: Buffer,
): Promise<HttpReply | undefined> {
  const [rawPath, search = ''] = url.split('?');
  const path = rawPath.replace(/\/+$/, '');
  if (method === 'POST' && path === SES_SEND) return sesSendEmail(mailbox, body);
  if (method === 'POST' && path === SNS_PATH) return snsPublish(mailbox, body);
  if (method === 'GET' && path === MAIL_PATH) return listMail(mailbox, new URLSearchParams(search));
  if (method === 'POST' && path === `${MAIL_PATH}/failures`) return setFailures(mailbox, body);
  return undefined;
}

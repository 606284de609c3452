/**
 * The NotificationSender port and its AWS adapters: e-mail through SES v2 `SendEmail`, SMS through
 * an SmsProvider — Amazon SNS `Publish` to a phone number by default; another provider (a
 * Vietnamese brand-name SMS gateway) is one more entry of SMS_PROVIDERS, chosen with
 * NOTIFY_SMS_PROVIDER. Offline the same code talks to the local mailbox (infra/local/mail), which
 * the offline cloud points the SDK at with AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL_SNS.
 * A send that throws was not accepted; one that returns gives the provider's message id.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand } from '@aws-sdk/client-sns';
import { getSesClient, getSnsClient } from './aws-clients';
import { ENV, optionalEnv, requireEnv } from './env';

export interface EmailMessage {
  to: string;
  /** The display name (the tenant's sender name). */
  fromName: string;
  subject: string;
  text: string;
  /** Where the message belongs (tenant, dossier, kind): SES message tags, for its event logs. */
  tags: Readonly<Record<string, string>>;
}

export interface SmsMessage {
  /** E.164, e.g. +84912345678. */
  to: string;
  text: string;
}

export interface NotificationSender {
  /**
   * The channels this deployment can send: e-mail only where an SES identity is configured
   * (NOTIFY_EMAIL_FROM set); an applicant's e-mail consent is then kept and nothing sent by e-mail.
   */
  readonly channels: readonly ('email' | 'sms')[];
  sendEmail(message: EmailMessage): Promise<string>;
  sendSms(message: SmsMessage): Promise<string>;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<string>;
}

/**
 * `"Tên" <addr>` with the name as an RFC 2047 encoded word: SES requires non-ASCII display names
 * encoded, and a sender name in Vietnamese always is.
 */
export function fromAddress(name: string, address: string): string {
  const clean = name.replace(/["\r\n]/g, '').trim();
  if (clean === '') return address;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?= <${address}>`;
}

/** SES message tag values allow letters, digits, `_ - . @`; anything else becomes `_`. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256) || '_';

async function sendEmail(message: EmailMessage): Promise<string> {
  const configurationSet = optionalEnv(ENV.notifyConfigurationSet, '');
  const { MessageId } = await getSesClient().send(
    new SendEmailCommand({
      FromEmailAddress: fromAddress(message.fromName, requireEnv(ENV.notifyEmailFrom)),
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
        },
      },
      EmailTags: Object.entries(message.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })),
      ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
    }),
  );
  if (!MessageId) throw new Error('SES accepted no message id');
  return MessageId;
}

/** Amazon SNS, direct publish to a phone number (no topic): transactional, for time-critical news. */
export const snsSmsProvider: SmsProvider = {
  async send({ to, text }) {
    const senderId = optionalEnv(ENV.notifySmsSenderId, '');
    const { MessageId } = await getSnsClient().send(
      new PublishCommand({
        PhoneNumber: to,
        Message: text,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: senderId } } : {}),
        },
      }),
    );
    if (!MessageId) throw new Error('SNS accepted no message id');
    return MessageId;
  },
};

/** The SMS providers, by NOTIFY_SMS_PROVIDER. */
export const SMS_PROVIDERS: Readonly<Record<string, SmsProvider>> = { sns: snsSmsProvider };

export function awsNotificationSender(): NotificationSender {
  const name = optionalEnv(ENV.notifySmsProvider, 'sns');
  const sms = SMS_PROVIDERS[name];
  if (!sms) throw new Error(`Unknown SMS provider ${name} (NOTIFY_SMS_PROVIDER)`);
  const email = optionalEnv(ENV.notifyEmailFrom, '') !== '';
  return {
    channels: email ? ['email', 'sms'] : ['sms'],
    sendEmail,
    sendSms: (message) => sms.send(message),
  };
}

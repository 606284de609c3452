/**
 * The OpenAPI 3.1 `webhooks` section: one entry per public event type (shared/domain/webhooks),
 * a `post` whose body is that type's envelope, with the Standard Webhooks headers and what the
 * receiver's answer means. The envelopes are named components (`DossierReceivedEvent` …), written
 * in input form: no `additionalProperties: false`, since a receiver must accept fields added
 * under the same version.
 */
import type * as z from 'zod/mini';
import { PUBLIC_EVENT_TYPES, WEBHOOK_EVENTS, type PublicEventType } from '../domain/webhooks/events';
import { WEBHOOK_EXAMPLES } from '../domain/webhooks/examples';

type JsonSchema = Record<string, unknown>;

export const WEBHOOK_TAG = {
  name: 'webhooks',
  description:
    'Webhook có ký (Standard Webhooks): đăng ký, đổi khóa ký và các sự kiện gửi tới cơ quan / signed webhooks (Standard Webhooks): subscriptions, secret rotation and the events POSTed to subscribers; docs/events.md',
};

/** `dossier.supplement_requested` → `DossierSupplementRequestedEvent`. */
export const webhookComponentName = (type: string) =>
  type
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('') + 'Event';

export const WEBHOOK_COMPONENTS: Record<string, z.core.$ZodType> = Object.fromEntries(
  PUBLIC_EVENT_TYPES.map((t) => [webhookComponentName(t), WEBHOOK_EVENTS[t].envelope]),
);

const header = (name: string, description: string, schema: JsonSchema) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema,
});

const HEADERS = [
  header('webhook-id', 'The event’s `id`: the same on every retry; deduplicate on it', { type: 'string' }),
  header('webhook-timestamp', 'Seconds since the epoch when this attempt was signed; reject one too old', {
    type: 'string',
    pattern: '^[0-9]+$',
  }),
  header(
    'webhook-signature',
    'Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the subscription’s secret',
    { type: 'string' },
  ),
];

function webhookOperation(type: PublicEventType, ref: (schema: z.core.$ZodType) => JsonSchema) {
  const spec = WEBHOOK_EVENTS[type];
  return {
    post: {
      operationId: `webhook.${type}`,
      summary: `${spec.label.vi} / ${spec.label.en}`,
      description:
        `${spec.when} \`agency\`: ${spec.agency}. Version ${spec.version}.\n\n` +
        'Delivered at least once, possibly out of order: deduplicate by `webhook-id`, order one dossier’s events by (dossierCode, sequence).',
      tags: [WEBHOOK_TAG.name],
      security: [],
      parameters: HEADERS,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: ref(spec.envelope),
            examples: { example: { value: WEBHOOK_EXAMPLES[type] } },
          },
        },
      },
      responses: {
        '2XX': { description: 'Nhận / accepted: delivered, not sent again' },
        '410': { description: 'Hủy đăng ký / gone: the subscription is disabled, nothing more is sent' },
        default: {
          description:
            'Bất kỳ trả lời khác hoặc không trả lời: gửi lại sau / any other answer or none: retried later',
        },
      },
    },
  };
}

export function buildWebhooks(ref: (schema: z.core.$ZodType) => JsonSchema) {
  return Object.fromEntries(PUBLIC_EVENT_TYPES.map((t) => [t, webhookOperation(t, ref)]));
}

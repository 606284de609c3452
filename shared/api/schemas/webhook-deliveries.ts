/** Webhook delivery log and redelivery: requests and answers (shared/usecases/webhook-deliveries.ts). */
import * as z from 'zod';
import { DELIVERY_ID_PATTERN, DELIVERY_STATUSES } from '../../domain/webhooks/delivery';
import { calendarDateTime } from './common';
import { nextCursor, pageQuery } from './page';
import { subscriptionId } from './webhooks';

export const deliveryId = z
  .string()
  .max(42, { abort: true })
  .regex(DELIVERY_ID_PATTERN, 'mã lần gửi / a delivery id as the delivery log gives it')
  .describe(
    'Mã lần gửi (thời điểm sự kiện và băm của mã sự kiện) / delivery id: the event instant and a hash of its id',
  );

export const deliveryParams = z.object({ id: subscriptionId, deliveryId });

export const deliveryListQuery = z
  .object({
    status: z
      .enum(DELIVERY_STATUSES)
      .optional()
      .describe('Chỉ các lần gửi ở trạng thái này / only deliveries in this status'),
    ...pageQuery('webhookDeliveries', deliveryId),
  })
  .strict();

const attemptView = z.object({
  at: z.string().describe('Lúc gửi / when, ISO 8601'),
  status: z.number().int().optional().describe('HTTP status of the answer; absent when there was none'),
  latencyMs: z.number().int(),
  error: z
    .string()
    .optional()
    .describe('target-refused:<rule>, ECONNREFUSED, timeout, http-500 …; never a body'),
});

export const deliveryView = z.object({
  id: deliveryId,
  eventId: z.string().describe('The `webhook-id` of every attempt'),
  eventType: z.string(),
  dossierCode: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().describe('Attempts ever made'),
  enqueuedAt: z.string(),
  nextAttemptAt: z.string().optional().describe('While `failed`: when the next attempt is due'),
  attemptLog: z.array(attemptView).describe('The newest attempts (at most 20), oldest first'),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveryList = z.object({ items: z.array(deliveryView), nextCursor });

export const redeliverSince = z.object({
  since: calendarDateTime.describe(
    'Gửi lại mọi lần gửi chưa tới nơi của sự kiện từ lúc này / requeue every failed, dead, gone or skipped delivery of events since then',
  ),
});

export const redeliveryAccepted = z.object({
  id: deliveryId,
  status: z.literal('pending'),
});

export const redeliveriesAccepted = z.object({
  requeued: z.number().int().describe('Deliveries put back on the schedule'),
});

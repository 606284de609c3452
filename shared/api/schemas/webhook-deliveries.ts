/** Webhook delivery log and redelivery: requests and answers (shared/usecases/webhook-deliveries.ts). */
import * as z from 'zod/mini';
import { DELIVERY_ID_PATTERN, DELIVERY_STATUSES } from '../../domain/webhooks/delivery';
import { calendarDateTime } from './common';
import { nextCursor, pageQuery } from './page';
import { subscriptionId } from './webhooks';

export const deliveryId = z
  .string()
  .check(
    z.maxLength(42, { abort: true }),
    z.regex(DELIVERY_ID_PATTERN, 'mã lần gửi / a delivery id as the delivery log gives it'),
    z.describe(
      'Mã lần gửi (thời điểm sự kiện và băm của mã sự kiện) / delivery id: the event instant and a hash of its id',
    ),
  );

export const deliveryParams = z.object({ id: subscriptionId, deliveryId });

export const deliveryListQuery = z.strictObject({
  status: z
    .optional(z.enum(DELIVERY_STATUSES))
    .check(z.describe('Chỉ các lần gửi ở trạng thái này / only deliveries in this status')),
  ...pageQuery('webhookDeliveries', deliveryId),
});

const attemptView = z.object({
  at: z.string().check(z.describe('Lúc gửi / when, ISO 8601')),
  status: z
    .optional(z.number().check(z.int()))
    .check(z.describe('HTTP status of the answer; absent when there was none')),
  latencyMs: z.number().check(z.int()),
  error: z
    .optional(z.string())
    .check(z.describe('target-refused:<rule>, ECONNREFUSED, timeout, http-500 …; never a body')),
});

export const deliveryView = z.object({
  id: deliveryId,
  eventId: z.string().check(z.describe('The `webhook-id` of every attempt')),
  eventType: z.string(),
  dossierCode: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().check(z.int(), z.describe('Attempts ever made')),
  enqueuedAt: z.string(),
  nextAttemptAt: z.optional(z.string()).check(z.describe('While `failed`: when the next attempt is due')),
  attemptLog: z.array(attemptView).check(z.describe('The newest attempts (at most 20), oldest first')),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveryList = z.object({ items: z.array(deliveryView), nextCursor });

export const redeliverSince = z.object({
  since: calendarDateTime.check(
    z.describe(
      'Gửi lại mọi lần gửi chưa tới nơi của sự kiện từ lúc này / requeue every failed, dead, gone or skipped delivery of events since then',
    ),
  ),
});

export const redeliveryAccepted = z.object({
  id: deliveryId,
  status: z.literal('pending'),
});

export const redeliveriesAccepted = z.object({
  requeued: z.number().check(z.int(), z.describe('Deliveries put back on the schedule')),
});

/** Webhook subscriptions: requests and answers (shared/usecases/webhooks.ts). */
import * as z from 'zod/mini';
import { ROTATION_GRACE } from '../../domain/webhooks/secrets';
import { MAX_TARGET_URL_LENGTH } from '../../domain/webhooks/target-policy';
import {
  ALL_EVENTS,
  SUBSCRIBABLE_EVENT_TYPES,
  SUBSCRIPTION_PURPOSES,
} from '../../domain/webhooks/subscription';
import { SORTABLE_ID_PATTERN } from '../../domain/ids';
import { agencyCode, singleLine } from './common';
import { nextCursor, pageQuery } from './page';

export const subscriptionId = z
  .string()
  .check(
    z.maxLength(26, { abort: true }),
    z.regex(SORTABLE_ID_PATTERN, 'mã đăng ký 26 ký tự / subscription id of 26 characters'),
  );

/** The form only; where it may point is judged by the SSRF guard (422 naming the rule). */
const targetUrl = z
  .string()
  .check(
    z.trim(),
    z.maxLength(MAX_TARGET_URL_LENGTH, { abort: true }),
    z.regex(/^https?:\/\/[^\s\p{Cc}]+$/u, 'URL https:// / an https:// URL'),
    z.describe('https:// URL nhận webhook; kiểm tra chống SSRF / the receiving https URL, SSRF-checked'),
  );

const eventTypes = z.array(z.enum([ALL_EVENTS, ...SUBSCRIBABLE_EVENT_TYPES])).check(
  z.minLength(1, 'ít nhất một loại sự kiện, hoặc ["*"] / at least one event type, or ["*"] for all'),
  z.maxLength(SUBSCRIBABLE_EVENT_TYPES.length + 1),
  z.refine((types) => new Set(types).size === types.length, 'không lặp lại / no duplicates'),
  z.describe('Loại sự kiện nhận; ["*"] là mọi loại / event types to receive; ["*"] for all'),
);

const purpose = z
  .enum(SUBSCRIPTION_PURPOSES)
  .check(
    z.describe(
      'processing: hệ thống xử lý; statistics: không nhận dữ liệu cá nhân / statistics gets no personal data',
    ),
  );

const description = singleLine(500);

export const createSubscription = z.object({
  url: targetUrl,
  eventTypes,
  purpose,
  description: z.optional(description),
  enabled: z._default(z.boolean(), true),
  /** Required of a tenant admin; an agency's system subscribes for its own agency (may omit it). */
  agency: z.optional(agencyCode),
});
export type CreateSubscription = z.infer<typeof createSubscription>;

export const updateSubscription = z.object({
  /** The version read: a subscription changed meanwhile answers 409 with `currentVersion`. */
  expectedVersion: z.number().check(z.int(), z.gte(1), z.lte(1_000_000_000)),
  url: z.optional(targetUrl),
  eventTypes: z.optional(eventTypes),
  enabled: z.optional(z.boolean()),
  /** `null` removes it. */
  description: z.optional(z.nullable(description)),
});
export type UpdateSubscription = z.infer<typeof updateSubscription>;

export const rotateSecret = z.object({
  expectedVersion: z.number().check(z.int(), z.gte(1), z.lte(1_000_000_000)),
  /** How long the old secret keeps signing: default 24 h, at most 7 days. */
  graceSeconds: z
    ._default(
      z.number().check(z.int(), z.gte(0), z.lte(ROTATION_GRACE.maxSeconds)),
      ROTATION_GRACE.defaultSeconds,
    )
    .check(
      z.describe('Thời gian khóa cũ còn hiệu lực (giây) / seconds the old secret stays valid (≤ 7 days)'),
    ),
});
export type RotateSecret = z.infer<typeof rotateSecret>;

/** A subscription as every answer shows it: never its secrets. */
export const subscriptionView = z.object({
  id: z.string(),
  agency: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  purpose: z.enum(SUBSCRIPTION_PURPOSES),
  description: z.optional(z.string()),
  enabled: z.boolean(),
  version: z.number().check(z.int()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** While the secret before the last rotation still signs: until when. */
  previousSecretExpiresAt: z.optional(z.string()),
});
export type SubscriptionView = z.infer<typeof subscriptionView>;

/** Creation and rotation only: the secret, shown this once. */
export const subscriptionWithSecret = z.extend(subscriptionView, {
  secret: z.string().check(z.describe('whsec_…: chỉ hiện một lần / shown only this once')),
});
export type SubscriptionWithSecret = z.infer<typeof subscriptionWithSecret>;

export const subscriptionList = z.object({ items: z.array(subscriptionView), nextCursor });
export const subscriptionParams = z.object({ id: subscriptionId });
export const subscriptionListQuery = z.strictObject(pageQuery('webhooks', subscriptionId));

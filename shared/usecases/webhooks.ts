/**
 * Webhook subscriptions, managed by a tenant admin (every agency of the tenant) or by an agency's
 * own system (its agency only). The target URL passes the SSRF guard at creation and at every URL
 * change; the secret is generated here, answered once at creation and at each rotation, and never
 * shown again (nor logged: no log line here carries a record).
 */
import type {
  CreateSubscription,
  RotateSecret,
  SubscriptionView,
  SubscriptionWithSecret,
  UpdateSubscription,
} from '../api/schemas/webhooks';
import { DomainRuleError } from '../domain/errors';
import type { IdempotencyClaim } from '../domain/idempotency';
import { newSortableId } from '../domain/ids';
import { toVnIso } from '../domain/vn-time';
import { rotate, validSecrets } from '../domain/webhooks/secrets';
import { newWebhookSecret } from '../domain/webhooks/signature';
import { subscriptionFacts } from '../domain/webhooks/subscription';
import { authorize, reachesTenant } from '../platform/authorize';
import { agenciesByCode } from '../data/catalog-reads';
import {
  deleteSubscription,
  getSubscription,
  putNewSubscription,
  replaceSubscription,
  subscriptionPage,
  signingSecretsOf,
  type SubscriptionRecord,
} from '../data/subscription-repo';
import { clock } from '../platform/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { resolveDeliveryTarget, targetPolicyFor } from '../platform/webhook-target';
import { oncePerKey, type Outcome } from './once-per-key';
import { pageOf, type PageRequest } from './paging';
import { requireTenantSettings } from './tenant';

/** A caller whose grant covers the whole tenant (a tenant admin), not one agency's records. */
const isAdmin = (principal: Principal) => reachesTenant(principal, 'webhooks.manage');

/** The answer every route gives: no secret, and the old secret's expiry while it still signs. */
export function subscriptionViewOf(record: SubscriptionRecord, nowMs: number): SubscriptionView {
  const previousValid =
    validSecrets(signingSecretsOf(record), nowMs).length > 1 && record.previousSecretExpiresAt;
  return {
    id: record.id,
    agency: record.agency,
    url: record.url,
    eventTypes: [...record.eventTypes],
    purpose: record.purpose,
    ...(record.description === undefined ? {} : { description: record.description }),
    enabled: record.enabled,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(previousValid ? { previousSecretExpiresAt: toVnIso(new Date(previousValid)) } : {}),
  };
}

/**
 * Refuses a URL the SSRF guard refuses (422 naming the rule). Loopback passes only when the
 * deployment (WEBHOOK_LOOPBACK_ALLOWED) and the tenant's settings both allow it.
 */
async function checkTarget(tenant: string, url: string): Promise<void> {
  const settings = await requireTenantSettings(tenant);
  const policy = targetPolicyFor(settings.webhooks?.allowLoopback === true);
  const resolved = await resolveDeliveryTarget(url, policy);
  if (!resolved.ok) {
    throw new DomainRuleError(422, resolved.refusal.rule, 'body.url', resolved.refusal.message);
  }
}

/** The agency the new subscription is for: the caller's own, or (tenant admin) one it names. */
async function agencyFor(principal: Principal, named: string | undefined): Promise<string> {
  if (!isAdmin(principal)) {
    if (!principal.agency || (named !== undefined && named !== principal.agency))
      throw new ForbiddenError(
        'Hệ thống của cơ quan chỉ đăng ký cho cơ quan mình / an agency system subscribes for its own agency only',
      );
    return principal.agency;
  }
  if (named === undefined)
    throw new DomainRuleError(
      422,
      'agency-required',
      'body.agency',
      'Quản trị cần nêu cơ quan nhận webhook / a tenant admin must name the agency',
    );
  if (!(await agenciesByCode(principal.tenant)).has(named))
    throw new DomainRuleError(
      422,
      'unknown-agency',
      'body.agency',
      `Không có cơ quan ${named} / unknown agency ${named}`,
    );
  return named;
}

export function createSubscription(
  principal: Principal,
  input: CreateSubscription,
  claim?: IdempotencyClaim,
): Promise<Outcome<SubscriptionWithSecret>> {
  return oncePerKey(claim, async (takeKey) => {
    const agency = await agencyFor(principal, input.agency);
    await checkTarget(principal.tenant, input.url);
    const now = clock.now();
    const at = toVnIso(now);
    const record: SubscriptionRecord = {
      tenant: principal.tenant,
      id: newSortableId(now),
      agency,
      url: input.url,
      eventTypes: input.eventTypes,
      purpose: input.purpose,
      description: input.description,
      enabled: input.enabled,
      version: 1,
      createdAt: at,
      updatedAt: at,
      // KMS: seal the secret here (a later issue); plain in the item for now.
      secret: newWebhookSecret(),
    };
    // The key's record holds this answer, secret included, for its TTL: a retry must get the
    // secret it lost, and the record is in the same table under the same protection.
    const answer = { ...subscriptionViewOf(record, now.getTime()), secret: record.secret };
    await putNewSubscription(record, takeKey(answer));
    return answer;
  });
}

/** The subscription if the caller may manage it; 404 otherwise (another tenant's, or agency's). */
async function managed(principal: Principal, id: string): Promise<SubscriptionRecord> {
  const record = await getSubscription(principal.tenant, id);
  const notFound = () => new NotFoundError(`Không có đăng ký webhook ${id} / no webhook subscription ${id}`);
  if (!record) throw notFound();
  // Whose record it is (the route already checked the scope for reading or changing it).
  authorize(principal, 'webhooks.read', subscriptionFacts(principal.tenant, record.agency), notFound);
  return record;
}

export async function subscriptionById(principal: Principal, id: string): Promise<SubscriptionView> {
  return subscriptionViewOf(await managed(principal, id), clock.now().getTime());
}

/** A tenant admin sees every agency's subscriptions; an agency's system its own. */
export async function listSubscriptions(principal: Principal, page: PageRequest) {
  const agency = isAdmin(principal) ? undefined : (principal.agency ?? '');
  const { items, more } = await subscriptionPage(principal.tenant, {
    after: page.cursor,
    limit: page.limit,
    agency,
  });
  const now = clock.now().getTime();
  return pageOf(
    'webhooks',
    items.map((r) => subscriptionViewOf(r, now)),
    more,
    (v) => v.id,
  );
}

const stale = (currentVersion: number | undefined) =>
  new ConflictError('Đăng ký webhook đã thay đổi, hãy tải lại / the subscription changed: reload and retry', {
    currentVersion,
  });

/** Writes `next` over `current` if nobody changed it since `expectedVersion`. */
async function save(
  principal: Principal,
  current: SubscriptionRecord,
  next: SubscriptionRecord,
  expected: number,
) {
  if (current.version !== expected) throw stale(current.version);
  if (!(await replaceSubscription(next, expected))) {
    throw stale((await getSubscription(principal.tenant, current.id))?.version);
  }
}

export async function updateSubscription(
  principal: Principal,
  id: string,
  input: UpdateSubscription,
): Promise<SubscriptionView> {
  const current = await managed(principal, id);
  if (current.version !== input.expectedVersion) throw stale(current.version);
  if (input.url !== undefined && input.url !== current.url) await checkTarget(principal.tenant, input.url);
  const now = clock.now();
  const next: SubscriptionRecord = {
    ...current,
    url: input.url ?? current.url,
    eventTypes: input.eventTypes ?? current.eventTypes,
    enabled: input.enabled ?? current.enabled,
    description: input.description === null ? undefined : (input.description ?? current.description),
    version: current.version + 1,
    updatedAt: toVnIso(now),
  };
  // Enabled again by a person: the service's reason for disabling it and its failure run are over.
  if (input.enabled === true) {
    next.disabledReason = undefined;
    next.failingSince = undefined;
  }
  await save(principal, current, next, input.expectedVersion);
  return subscriptionViewOf(next, now.getTime());
}

export async function removeSubscription(principal: Principal, id: string): Promise<void> {
  await managed(principal, id);
  if (!(await deleteSubscription(principal.tenant, id)))
    throw new NotFoundError(`Không có đăng ký webhook ${id} / no webhook subscription ${id}`);
}

/**
 * A new secret, answered once; the old one keeps signing for the grace period (default 24 h, at
 * most 7 days), so the receiver can switch without losing a delivery.
 */
export async function rotateSubscriptionSecret(
  principal: Principal,
  id: string,
  input: RotateSecret,
): Promise<SubscriptionWithSecret> {
  const current = await managed(principal, id);
  const now = clock.now();
  // KMS: seal the new secret here (a later issue).
  const secrets = rotate(signingSecretsOf(current), newWebhookSecret(), now.getTime(), input.graceSeconds);
  const next: SubscriptionRecord = {
    ...current,
    secret: secrets.current,
    previousSecret: secrets.previous,
    previousSecretExpiresAt: secrets.previousExpiresAt,
    version: current.version + 1,
    updatedAt: toVnIso(now),
  };
  await save(principal, current, next, input.expectedVersion);
  return { ...subscriptionViewOf(next, now.getTime()), secret: next.secret };
}

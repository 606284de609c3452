/**
 * A webhook subscription: who receives which dossier events, where, and with which secrets.
 * Pure: the event filter and the rule of who may manage a subscription.
 */
import { DEADLINES_CHANGED } from '../lifecycle/event-types';
import { decide, type AgencyResourceFacts } from '../policy';
import { ROLES, type Role } from '../roles';
import { EVENT_CATALOG, type EventType } from '../lifecycle/events';

/**
 * The event types a subscription may name: the catalog's, except the internal
 * `dossier.deadlines_changed` (it only restarts the deadline clock and tells receivers nothing).
 */
export const SUBSCRIBABLE_EVENT_TYPES = (Object.keys(EVENT_CATALOG) as EventType[]).filter(
  (t) => t !== DEADLINES_CHANGED,
) as [EventType, ...EventType[]];
export type SubscribableEventType = Exclude<EventType, typeof DEADLINES_CHANGED>;

/**
 * `['*']` subscribes to every subscribable type, those added to the catalog later included.
 * An empty list is refused rather than read as "all": a filter that lost its items by mistake
 * must not turn into a firehose.
 */
export const ALL_EVENTS = '*';
export type EventFilter = readonly (SubscribableEventType | typeof ALL_EVENTS)[];

export function wantsEvent(filter: EventFilter, type: string): boolean {
  if (type === DEADLINES_CHANGED) return false;
  return filter.includes(ALL_EVENTS) || (filter as readonly string[]).includes(type);
}

/**
 * `processing`: the agency's own system, which handles the dossier and gets it whole.
 * `statistics`: a reporting system that must get no personal data (the event projection that
 * removes it is applied at delivery).
 */
export const SUBSCRIPTION_PURPOSES = ['processing', 'statistics'] as const;
export type SubscriptionPurpose = (typeof SUBSCRIPTION_PURPOSES)[number];

/** Who is asking, as far as subscriptions care. */
export interface SubscriptionManager {
  roles: readonly string[];
  agency?: string;
}

/**
 * A tenant admin manages every subscription of the tenant (any agency); an agency's system only
 * its own agency's. Anyone else manages none (the route's roles refuse them first).
 */
export function mayManage(manager: SubscriptionManager, subscriptionAgency: string): boolean {
  // The policy's `webhooks.manage` row, for a record of the manager's own tenant.
  const roles = manager.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const caller = { subject: '', tenant: 'own', agency: manager.agency, roles };
  return decide(caller, 'webhooks.manage', subscriptionFacts('own', subscriptionAgency)).allow;
}

/** What the policy needs to know of a subscription: whose it is. */
export const subscriptionFacts = (tenant: string, agency: string): AgencyResourceFacts => ({
  kind: 'agencyResource',
  tenant,
  agency,
});

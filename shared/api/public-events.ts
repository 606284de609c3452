/**
 * The outbox event types a receiver outside the system may get (webhooks, reports): the catalog's,
 * less the internal ones. Kept apart from ./queues.ts because the catalog pulls zod, and the
 * dispatcher that reads the subscriptions runs on every write.
 */
import { EVENT_CATALOG, type EventType } from '../domain/lifecycle/events';
import { INTERNAL_EVENT_TYPES } from './queues';

export const publicEventTypes = (): EventType[] =>
  (Object.keys(EVENT_CATALOG) as EventType[]).filter((type) => !INTERNAL_EVENT_TYPES.includes(type));

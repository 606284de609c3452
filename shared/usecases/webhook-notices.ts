/**
 * The tenant's webhook notices, newest first: a tenant admin reads all of them, an agency's system
 * those of its own agency's subscriptions (the route's roles refuse anyone else). E-mail to the
 * admins comes with the notifications issue (13).
 */
import type { NoticeView } from '../api/schemas/webhook-notices';
import { toVnIso } from '../domain/vn-time';
import { noticePage, noticePosition, type NoticeRecord } from '../data/notice-repo';
import { reachesTenant } from '../platform/authorize';
import type { Principal } from '../platform/principal';
import { pageOf, type PageRequest } from './paging';

const iso = (ms: number) => toVnIso(new Date(ms));

export function noticeViewOf(n: NoticeRecord): NoticeView {
  const base = { id: n.id, kind: n.kind, at: iso(n.at), subscriptionId: n.subscriptionId };
  if (n.kind === 'subscription-disabled') return { ...base, reason: n.reason, since: iso(n.since) };
  return {
    ...base,
    deliveryId: n.deliveryId,
    eventType: n.eventType,
    dossierCode: n.dossierCode,
    attempts: n.attempts,
    ...(n.lastError === undefined ? {} : { lastError: n.lastError }),
  };
}

export async function listNotices(principal: Principal, query: PageRequest & { since?: string }) {
  const agency = reachesTenant(principal, 'webhooks.read') ? undefined : (principal.agency ?? '');
  const { items, more } = await noticePage(principal.tenant, {
    after: query.cursor,
    limit: query.limit,
    sinceIso: query.since === undefined ? undefined : new Date(query.since).toISOString(),
    agency,
  });
  // The position is the stored UTC instant to the millisecond (the view shows VN time to the second).
  const last = items.at(-1);
  return pageOf('webhookNotices', items.map(noticeViewOf), more, () => (last ? noticePosition(last) : ''));
}

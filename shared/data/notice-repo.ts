/**
 * Webhook notices (table.ts WebhookNoticeEntity). The deliverer never writes one alone: `noticePut`
 * is a transaction item that goes with the conditional change it reports (delivery-repo), and is
 * itself conditional on its key being new, so a notice is written once or not at all.
 */
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { Notice } from '../domain/webhooks/notice';
import { SORT_KEY_PREFIX } from './keys';
import { readPage, type ListPage, type Page } from './pages';
import { MainTable, noticesPk, primaryKey, WebhookNoticeEntity } from './table';

/** Notices are kept this long (TTL). */
export const NOTICE_RETENTION_SECONDS = 90 * 86_400;

/** A stored notice: the domain's fields, flat. */
export type NoticeRecord = Notice & { tenant: string };

/** Where a notice stands in its list (the sort key after the prefix): the page cursor's position. */
export const noticePosition = (n: { at: number; id: string }) => `${new Date(n.at).toISOString()}#${n.id}`;

export function noticePut(tenant: string, notice: Notice) {
  return WebhookNoticeEntity.build(PutTransaction)
    .item({
      tenant,
      atIso: new Date(notice.at).toISOString(),
      ...notice,
      expiresAt: Math.floor(notice.at / 1000) + NOTICE_RETENTION_SECONDS,
    })
    .options({ condition: { attr: 'id', exists: false } });
}

/**
 * A page of the tenant's notices, newest first, after the position `after`, none older than
 * `sinceIso` (UTC ISO); only `agency`'s when given.
 */
export function noticePage(
  tenant: string,
  page: { after?: string; limit: number; sinceIso?: string; agency?: string },
): Promise<ListPage<NoticeRecord>> {
  const prefix = SORT_KEY_PREFIX.webhookNotice;
  const start =
    page.after === undefined ? undefined : primaryKey(noticesPk(tenant), `${prefix}${page.after}`);
  return readPage(
    (exclusiveStartKey) =>
      MainTable.build(QueryCommand)
        .entities(WebhookNoticeEntity)
        .query({
          partition: noticesPk(tenant),
          range:
            page.sinceIso === undefined
              ? { beginsWith: prefix }
              : { between: [`${prefix}${page.sinceIso}`, `${prefix}~`] },
        })
        .options({
          reverse: true,
          maxPages: 1,
          limit: page.limit + 1,
          ...((exclusiveStartKey ?? start) ? { exclusiveStartKey: exclusiveStartKey ?? start } : {}),
          ...(page.agency === undefined
            ? {}
            : {
                filters: {
                  [WebhookNoticeEntity.entityName]: { attr: 'agency', eq: page.agency },
                } as never,
              }),
        })
        .send() as Promise<Page<NoticeRecord>>,
    page.limit,
  );
}

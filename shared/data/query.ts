/**
 * Reading the items of one kind from one partition: every kind's sort keys share a prefix
 * (`SORT_KEY_PREFIX`), so "all agencies of a tenant", "a dossier's history" or "a page of its
 * attachments" are one `begins_with` query each. This is the one place that builds that query.
 */
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity';
import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { SortKeyPrefix } from './keys';
import { collectPages, readPage, type ListPage, type Page } from './pages';
import { MainTable, primaryKey } from './table';

type StartKey = Record<string, unknown> | undefined;

/** One DynamoDB page of the query, from `exclusiveStartKey`. */
function queryOnePage<E extends Entity>(
  entity: E,
  partition: string,
  prefix: SortKeyPrefix,
  options: { exclusiveStartKey: StartKey; limit?: number; consistent?: boolean; filter?: Condition<E> },
) {
  const { filter, ...rest } = options;
  return MainTable.build(QueryCommand)
    .entities(entity)
    .query({ partition, range: { beginsWith: prefix } })
    .options({
      ...rest,
      maxPages: 1,
      // dynamodb-toolbox names filters by entity; the condition is checked against its schema on send.
      ...(filter ? { filters: { [entity.entityName]: filter } as never } : {}),
    })
    .send() as Promise<Page<FormattedItem<E>>>;
}

/**
 * Every item of the kind in the partition, in sort-key order, following DynamoDB's pages.
 * `consistent` for a read that must see the caller's own last write; `filter` to keep only some
 * (applied by DynamoDB after the key condition).
 */
export function queryAllByPrefix<E extends Entity>(
  entity: E,
  partition: string,
  prefix: SortKeyPrefix,
  options: { consistent?: boolean; filter?: Condition<E> } = {},
): Promise<FormattedItem<E>[]> {
  return collectPages((exclusiveStartKey) =>
    queryOnePage(entity, partition, prefix, { ...options, exclusiveStartKey }),
  );
}

/**
 * Up to `limit` items of the kind in sort-key order, after the item whose sort key is
 * `prefix + after` (a list cursor holds that suffix), and whether more follow. With `filter`,
 * only the items that match count (DynamoDB pages are followed until the page is full).
 */
export function queryPageByPrefix<E extends Entity>(
  entity: E,
  partition: string,
  prefix: SortKeyPrefix,
  page: { after?: string; limit: number; filter?: Condition<E> },
): Promise<ListPage<FormattedItem<E>>> {
  const start = page.after === undefined ? undefined : primaryKey(partition, `${prefix}${page.after}`);
  return readPage(
    (exclusiveStartKey) =>
      queryOnePage(entity, partition, prefix, {
        exclusiveStartKey: exclusiveStartKey ?? start,
        filter: page.filter,
        // One item beyond the page tells whether another follows (see readPage).
        limit: page.limit + 1,
      }),
    page.limit,
  );
}

/** Follows DynamoDB pagination: each page's LastEvaluatedKey starts the next, up to `limit` items. */
export interface Page<T> {
  Items?: T[];
  LastEvaluatedKey?: Record<string, unknown>;
}

export async function collectPages<T>(
  fetchPage: (exclusiveStartKey: Record<string, unknown> | undefined) => Promise<Page<T>>,
  limit = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const items: T[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await fetchPage(exclusiveStartKey);
    items.push(...(page.Items ?? []));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey && items.length < limit);
  return items.slice(0, limit);
}

/** One page of a list: at most `limit` items, and whether more follow. */
export interface ListPage<T> {
  items: T[];
  more: boolean;
}

/**
 * The first `limit` items from where `fetchPage` starts, reading one item beyond the page to know
 * whether another follows (so the last page never hands out a cursor to an empty one). Pass
 * `limit + 1` as the query's `Limit`, so DynamoDB reads no more than the page needs.
 */
export async function readPage<T>(
  fetchPage: (exclusiveStartKey: Record<string, unknown> | undefined) => Promise<Page<T>>,
  limit: number,
): Promise<ListPage<T>> {
  const items = await collectPages(fetchPage, limit + 1);
  return { items: items.slice(0, limit), more: items.length > limit };
}

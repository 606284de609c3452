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

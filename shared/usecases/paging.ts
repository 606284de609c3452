/** How a use case answers one page of a list: the items, and a cursor when more follow. */
import { encodeCursor, type PagedList } from '../api/cursor';

/** What the list routes' query schemas give: the bounded limit and the decoded cursor position. */
export interface PageRequest {
  limit: number;
  /** The position the previous page ended at; absent on the first page. */
  cursor?: string;
}

export function pageOf<T>(
  list: PagedList,
  items: T[],
  more: boolean,
  positionOf: (item: T) => string,
): { items: T[]; nextCursor?: string } {
  const last = items.at(-1);
  return more && last !== undefined ? { items, nextCursor: encodeCursor(list, positionOf(last)) } : { items };
}

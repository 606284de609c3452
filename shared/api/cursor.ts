/**
 * Page cursors. A cursor is opaque to clients: base64url of a small JSON object that names the list
 * it belongs to and the position the last page ended at (a sort key, never a raw DynamoDB key).
 * The server rebuilds the DynamoDB start key from the position itself, so a forged cursor can at
 * most move within the caller's own list; anything that does not decode to a valid position of
 * that list is refused as bad input (400), never passed to DynamoDB (which would answer 500).
 */
import type * as z from 'zod/mini';

/** The lists that page; a cursor of one list is refused by another. */
export type PagedList =
  | 'queue'
  | 'procedures'
  | 'agencies'
  | 'attachments'
  | 'webhooks'
  | 'agencyClients'
  | 'webhookDeliveries'
  | 'webhookNotices'
  | 'tenants'
  | 'staff'
  | 'report'
  | 'audit';

/** Longer than any cursor we issue (positions are under 100 characters), short enough to bound parsing. */
export const MAX_CURSOR_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface CursorPayload {
  /** The list. */
  l: PagedList;
  /** Where the last page ended: the next page starts after it. */
  a: string;
}

export function encodeCursor(list: PagedList, after: string): string {
  const payload: CursorPayload = { l: list, a: after };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The position a cursor of `list` holds, or undefined when it is not one we could have issued. */
export function decodeCursor(
  list: PagedList,
  cursor: string,
  position: z.ZodMiniType<string>,
): string | undefined {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { l, a } = payload as Partial<CursorPayload>;
  if (l !== list || typeof a !== 'string') return undefined;
  return position.safeParse(a).success ? a : undefined;
}

/**
 * Query parameters and answer fields shared by every list route: `?limit=` (bounded) and
 * `?cursor=` (opaque, from the previous answer's `nextCursor`). A cursor that does not decode is a
 * 400 naming `query.cursor`, like any other bad parameter.
 */
import * as z from 'zod/mini';
import { MAX_CURSOR_LENGTH, decodeCursor, type PagedList } from '../cursor';

export const PAGE_LIMIT = { default: 50, max: 200 } as const;

/** Query strings are strings: coerced, then bounded. */
export const pageLimit = z
  ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(PAGE_LIMIT.max)), PAGE_LIMIT.default)
  .check(
    z.describe(`Số mục mỗi trang / items per page (1–${PAGE_LIMIT.max}, default ${PAGE_LIMIT.default})`),
  );

/** The cursor parameter of one list; parses to the position the page starts after. */
export function pageCursor(list: PagedList, position: z.ZodMiniType<string>) {
  return z.optional(
    z.pipe(
      z
        .string()
        .check(
          z.maxLength(MAX_CURSOR_LENGTH),
          z.regex(/^[A-Za-z0-9_-]+$/, 'con trỏ trang không hợp lệ / malformed page cursor'),
          z.describe('nextCursor của trang trước / the previous page’s nextCursor'),
        ),
      z.transform((cursor, ctx) => {
        const after = decodeCursor(list, cursor, position);
        if (after === undefined) {
          // zod/mini's transform hands the parse payload itself (no addIssue helper).
          ctx.issues.push({
            code: 'custom',
            message: 'con trỏ trang không hợp lệ / malformed page cursor',
            input: cursor,
          });
          return z.NEVER;
        }
        return after;
      }),
    ),
  );
}

/** `limit` and `cursor` for a list whose positions `position` validates. */
export const pageQuery = (list: PagedList, position: z.ZodMiniType<string>) => ({
  limit: pageLimit,
  cursor: pageCursor(list, position),
});

/** Present when more items follow: pass it back as `?cursor=`. Absent on the last page. */
export const nextCursor = z
  .optional(z.string())
  .check(z.describe('Có khi còn trang sau / present when more items follow'));

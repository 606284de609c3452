/**
 * Query parameters and answer fields shared by every list route: `?limit=` (bounded) and
 * `?cursor=` (opaque, from the previous answer's `nextCursor`). A cursor that does not decode is a
 * 400 naming `query.cursor`, like any other bad parameter.
 */
import * as z from 'zod';
import { MAX_CURSOR_LENGTH, decodeCursor, type PagedList } from '../cursor';

export const PAGE_LIMIT = { default: 50, max: 200 } as const;

/** Query strings are strings: coerced, then bounded. */
export const pageLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(PAGE_LIMIT.max)
  .default(PAGE_LIMIT.default)
  .describe(`Số mục mỗi trang / items per page (1–${PAGE_LIMIT.max}, default ${PAGE_LIMIT.default})`);

/** The cursor parameter of one list; parses to the position the page starts after. */
export function pageCursor(list: PagedList, position: z.ZodType<string>) {
  return z
    .string()
    .max(MAX_CURSOR_LENGTH)
    .regex(/^[A-Za-z0-9_-]+$/, 'con trỏ trang không hợp lệ / malformed page cursor')
    .describe('nextCursor của trang trước / the previous page’s nextCursor')
    .transform((cursor, ctx) => {
      const after = decodeCursor(list, cursor, position);
      if (after === undefined) {
        ctx.addIssue({ code: 'custom', message: 'con trỏ trang không hợp lệ / malformed page cursor' });
        return z.NEVER;
      }
      return after;
    })
    .optional();
}

/** `limit` and `cursor` for a list whose positions `position` validates. */
export const pageQuery = (list: PagedList, position: z.ZodType<string>) => ({
  limit: pageLimit,
  cursor: pageCursor(list, position),
});

/** Present when more items follow: pass it back as `?cursor=`. Absent on the last page. */
export const nextCursor = z
  .string()
  .optional()
  .describe('Có khi còn trang sau / present when more items follow');

/**
 * The notices list's query (shared/api/schemas/webhook-notices.ts): the cursor the use case issues
 * (the stored UTC instant and id) comes back as the same position; a forged position, a cursor of
 * another list and a `since` without an offset are refused.
 */
import { encodeCursor } from '../../../shared/api/cursor';
import { noticeListQuery } from '../../../shared/api/schemas/webhook-notices';
import { noticePosition } from '../../../shared/data/notice-repo';
import { disabledNoticeOf } from '../../../shared/domain/webhooks/notice';

const notice = disabledNoticeOf(
  { id: '01KB0000000000000000000000', agency: 'A', version: 3 },
  'gone',
  Date.parse('2026-12-01T03:00:00.123Z'),
  Date.parse('2026-12-01T03:00:00.123Z'),
);

describe('webhook notices query', () => {
  it('takes back the position its cursor holds, and an ISO instant with offset as since', () => {
    const position = noticePosition(notice);
    expect(position).toBe(`2026-12-01T03:00:00.123Z#${notice.id}`);
    expect(
      noticeListQuery.parse({
        cursor: encodeCursor('webhookNotices', position),
        since: '2026-12-01T10:00:00+07:00',
      }),
    ).toEqual({ limit: 50, cursor: position, since: '2026-12-01T10:00:00+07:00' });
  });

  it.each([
    ['a forged position', { cursor: encodeCursor('webhookNotices', `2026-12-01T03:00:00.123Z#x' OR 1=1`) }],
    ['a cursor of another list', { cursor: encodeCursor('webhookDeliveries', noticePosition(notice)) }],
    ['a since without offset', { since: '2026-12-01T10:00:00' }],
    ['an unknown parameter', { agency: 'A' }],
  ])('refuses %s', (_, query) => {
    expect(noticeListQuery.safeParse(query).success).toBe(false);
  });
});

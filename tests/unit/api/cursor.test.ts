import * as z from 'zod';
import { MAX_CURSOR_LENGTH, decodeCursor, encodeCursor } from '../../../shared/api/cursor';
import { PAGE_LIMIT, pageQuery } from '../../../shared/api/schemas/page';
import { QUEUE_ORDER_PATTERN, queueOrder } from '../../../shared/data/keys';
import { readPage } from '../../../shared/data/pages';

const code = z.string().regex(/^\d\.\d{6}$/);
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('api/cursor', () => {
  it('gives back the position it encoded, for the same list', () => {
    const cursor = encodeCursor('procedures', '1.004227');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('procedures', cursor, code)).toBe('1.004227');
  });

  it('refuses a cursor of another list, even when its position would be valid there', () => {
    expect(decodeCursor('agencies', encodeCursor('procedures', '1.004227'), code)).toBeUndefined();
  });

  it.each([
    ['is empty', ''],
    ['is not base64url', 'abc+/=='],
    ['is not JSON', Buffer.from('{nope').toString('base64url')],
    ['is JSON but not an object', raw(['procedures', '1.004227'])],
    ['is null', raw(null)],
    ['has no position', raw({ l: 'procedures' })],
    ['has a position of the wrong type', raw({ l: 'procedures', a: 1004227 })],
    ['has a position the list never produces', raw({ l: 'procedures', a: "' OR 1=1" })],
    ['is too long', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
  ])('refuses a cursor that %s', (_, cursor) => {
    expect(decodeCursor('procedures', cursor, code)).toBeUndefined();
  });
});

describe('api/schemas/page', () => {
  const query = z.object(pageQuery('procedures', code));

  it('defaults the limit and bounds it', () => {
    expect(query.parse({})).toEqual({ limit: PAGE_LIMIT.default });
    expect(query.parse({ limit: '200' }).limit).toBe(200);
    for (const limit of ['0', '201', '-1', '2.5', 'abc', ''])
      expect(query.safeParse({ limit }).success).toBe(false);
  });

  it('parses a cursor to its position, and names query.cursor when it is malformed', () => {
    expect(query.parse({ cursor: encodeCursor('procedures', '1.001193') }).cursor).toBe('1.001193');
    const bad = query.safeParse({ cursor: 'bm9wZQ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([['cursor']]);
  });
});

describe('data/keys queueOrder', () => {
  it('orders overdue before later, undated after dated, paused last, and every order is a valid position', () => {
    const orders = [
      queueOrder({}, '000.30.01.H99-260101-0001', true),
      queueOrder({}, '000.30.01.H99-260101-0002', false),
      queueOrder({ dueAt: '2026-01-05T17:00:00+07:00' }, '000.30.01.H99-260101-0003', false),
      queueOrder({ dueAt: '2026-01-02T17:00:00+07:00' }, '000.30.01.H99-260101-0004', false),
      queueOrder({ dueAt: '2026-01-01T17:00:00+07:00' }, '000.30.01.H99-260101-0005', true),
    ];
    for (const order of orders) expect(order).toMatch(QUEUE_ORDER_PATTERN);
    expect([...orders].sort().map((o) => o.slice(-4))).toEqual(['0004', '0003', '0002', '0005', '0001']);
  });
});

describe('data/pages readPage', () => {
  it('returns the page and says more follow only when an item beyond it exists', async () => {
    const pages = [{ Items: [1, 2], LastEvaluatedKey: { k: 'a' } }, { Items: [3] }];
    let calls = 0;
    expect(await readPage(async () => pages[calls++], 2)).toEqual({ items: [1, 2], more: true });
    calls = 0;
    expect(await readPage(async () => pages[calls++], 3)).toEqual({ items: [1, 2, 3], more: false });
  });
});

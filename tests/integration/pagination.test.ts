/**
 * Every list route pages with `?limit=` and an opaque `?cursor=`: walking the pages gives every item
 * once, in the list's order, the last page has no `nextCursor`, and a cursor that is not one the
 * API handed out is a 400 naming `query.cursor`, never a 500.
 */
import { encodeCursor } from '../../shared/api/cursor';
import { api, type RequestOptions } from './helpers/api';
import { acceptedLandTransfer } from './helpers/dossiers';

interface Walk<T> {
  items: T[];
  pages: number;
}

/** Follows nextCursor from the first page to the last, checking each page's size. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- items are whatever the route lists
async function walk<T = any>(path: string, limit: number, options: RequestOptions = {}): Promise<Walk<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const query = `${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.get(`${path}${query}`, options);
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    if (page.body.nextCursor !== undefined) expect(page.body.items).toHaveLength(limit);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    pages += 1;
    if (pages > 500) throw new Error(`${path}: more than 500 pages, the cursor does not advance`);
  } while (cursor !== undefined);
  return { items, pages };
}

const codes = (items: { code: string }[]) => items.map((i) => i.code);
const unique = <T>(values: T[]) => new Set(values).size === values.length;

describe('pagination (integration)', () => {
  it('walks a dossier’s attachments in pages, oldest first, each once', async () => {
    const { code } = await acceptedLandTransfer();
    const created: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const ticket = await api.post(`/v1/dossiers/${code}/attachments`, {
        as: 'tiepnhan.binhthanh',
        body: { fileName: `trang-${n}.pdf`, contentType: 'application/pdf', size: 1000 + n },
      });
      expect(ticket.status).toBe(201);
      created.push(ticket.body.attachment.id);
    }
    const { items, pages } = await walk<{ id: string }>(`/v1/dossiers/${code}/attachments`, 2, {
      as: 'chuyenvien.datdai',
    });
    expect(items.map((a) => a.id)).toEqual(created);
    expect(pages).toBe(3);
    // An exact multiple of the limit ends without a cursor to an empty page.
    expect((await walk(`/v1/dossiers/${code}/attachments`, 5, { as: 'chuyenvien.datdai' })).pages).toBe(1);
  });

  it('walks a work queue past the page size without duplicates or gaps, in queue order', async () => {
    const created: string[] = [];
    for (let n = 0; n < 3; n++) created.push((await acceptedLandTransfer()).code);
    const { items, pages } = await walk<{ code: string; stepDueAt: string | null; paused: boolean }>(
      '/v1/work-queue?role=reception',
      2,
      { as: 'tiepnhan.binhthanh' },
    );
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(unique(codes(items))).toBe(true);
    expect(codes(items)).toEqual(expect.arrayContaining(created));
    // Overdue and soonest due first, paused last: the order the index keeps across pages.
    const running = items.filter((i) => !i.paused && i.stepDueAt !== null);
    const dueTimes = running.map((i) => Date.parse(i.stepDueAt as string));
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
    const firstPaused = items.findIndex((i) => i.paused);
    if (firstPaused >= 0) expect(items.slice(firstPaused).every((i) => i.paused)).toBe(true);
  });

  it.each([
    ['procedures', '/v1/public/demo/procedures', 2],
    ['agencies', '/v1/public/demo/agencies', 3],
  ])(
    'walks the %s catalog in code order, each once, with every item listed before the walk',
    async (_, path, limit) => {
      const before = await api.get(`${path}?limit=200`);
      expect(before.body.nextCursor).toBeUndefined();
      const { items, pages } = await walk<{ code: string }>(path, limit);
      expect(pages).toBeGreaterThan(1);
      expect(unique(codes(items))).toBe(true);
      expect(codes(items)).toEqual([...codes(items)].sort());
      // Other test files may add entries meanwhile; none that existed may go missing.
      expect(codes(items)).toEqual(expect.arrayContaining(codes(before.body.items)));
    },
  );

  it('keeps the total match count on every page of a catalog search', async () => {
    const first = await api.get('/v1/public/demo/procedures?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.count).toBeGreaterThan(1);
    const second = await api.get(`/v1/public/demo/procedures?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.count).toBe(first.body.count);
  });

  it('documents limit, cursor and nextCursor in the OpenAPI document for every list route', async () => {
    const { body: doc } = await api.get('/v1/openapi.json');
    for (const path of [
      '/v1/work-queue',
      '/v1/public/{tenant}/procedures',
      '/v1/public/{tenant}/agencies',
      '/v1/dossiers/{code}/attachments',
    ]) {
      const get = doc.paths[path].get;
      expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['limit', 'cursor']),
      );
      // The answer's schema is a named component: `{"$ref": "#/components/schemas/…"}`.
      const ref: string = get.responses['200'].content['application/json'].schema.$ref;
      const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')];
      expect(schema.properties).toHaveProperty('nextCursor');
    }
  });

  describe('bad paging parameters', () => {
    const routes: [string, RequestOptions][] = [
      ['/v1/public/demo/procedures', {}],
      ['/v1/public/demo/agencies', {}],
      ['/v1/work-queue', { as: 'tiepnhan.binhthanh' }],
      ['/v1/dossiers/000.30.01.H99-260101-0001/attachments', { as: 'quantri' }],
    ];
    /** A well-formed cursor, but one another list handed out. */
    const foreignCursor = (path: string) =>
      path.endsWith('/procedures')
        ? encodeCursor('agencies', '000.00.01.H99')
        : encodeCursor('procedures', '1.004227');
    const cursors: [string, (path: string) => string][] = [
      ['garbage', () => 'not-a-cursor'],
      ['a cursor that is not base64url', () => 'a%2Bb%3D'],
      ['another list’s cursor', foreignCursor],
      ['a forged position', () => Buffer.from('{"l":"queue","a":"x"}').toString('base64url')],
    ];

    it.each(
      routes.flatMap(([path, options]) =>
        cursors.map(([what, cursor]) => [path, what, cursor, options] as const),
      ),
    )('%s answers 400 naming query.cursor for %s', async (path, _what, cursor, options) => {
      const response = await api.get(`${path}?cursor=${cursor(path)}`, options);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'query.cursor' })]);
    });

    it.each(['0', '201', 'abc'])('answers 400 naming query.limit for limit=%s', async (limit) => {
      const response = await api.get(`/v1/public/demo/procedures?limit=${limit}`);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'query.limit' })]);
    });
  });
});

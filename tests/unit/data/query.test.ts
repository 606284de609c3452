/** The query-by-prefix helper against a dynamodb-toolbox TableSpy: what it asks DynamoDB for. */
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { TableSpy } from 'dynamodb-toolbox/table/actions/spy';
import { SORT_KEY_PREFIX } from '../../../shared/data/keys';
import { queryAllByPrefix, queryPageByPrefix } from '../../../shared/data/query';
import { AttachmentEntity, MainTable, primaryKey } from '../../../shared/data/table';

type SentArgs = [unknown[], { partition: string; range: unknown }, Record<string, unknown>];

describe('data/query', () => {
  let spy: TableSpy<typeof MainTable>;
  const sent = (n: number) => spy.sent(QueryCommand).args(n) as unknown as SentArgs;
  beforeEach(() => {
    spy = MainTable.build(TableSpy);
  });
  afterEach(() => spy.restore());

  it('reads every page of one kind in one partition, by its sort-key prefix', async () => {
    const pages = [
      { $metadata: {}, Items: [{ id: 'a' }], LastEvaluatedKey: { PK: 'P', SK: 'ATT#a' } },
      { $metadata: {}, Items: [{ id: 'b' }] },
    ];
    let call = 0;
    spy.on(QueryCommand).mock(() => pages[call++] as never);
    const items = await queryAllByPrefix(AttachmentEntity, 'P', SORT_KEY_PREFIX.attachment, {
      consistent: true,
      filter: { attr: 'status', eq: 'pending' },
    });
    expect(items).toEqual([{ id: 'a' }, { id: 'b' }]);
    const [entities, query, options] = sent(0);
    expect(entities).toEqual([AttachmentEntity]);
    expect(query).toEqual({ partition: 'P', range: { beginsWith: 'ATT#' } });
    expect(options).toMatchObject({
      maxPages: 1,
      consistent: true,
      filters: { Attachment: { attr: 'status', eq: 'pending' } },
    });
    expect(sent(1)[2].exclusiveStartKey).toEqual({ PK: 'P', SK: 'ATT#a' });
  });

  it('reads a page after a cursor, one item beyond it to know whether more follow', async () => {
    spy.on(QueryCommand).resolve({ $metadata: {}, Items: [{ id: 'c' }, { id: 'd' }, { id: 'e' }] } as never);
    const page = await queryPageByPrefix(AttachmentEntity, 'P', SORT_KEY_PREFIX.attachment, {
      after: 'b',
      limit: 2,
    });
    expect(page).toEqual({ items: [{ id: 'c' }, { id: 'd' }], more: true });
    const [, , options] = sent(0);
    expect(options).toMatchObject({ limit: 3, maxPages: 1, exclusiveStartKey: primaryKey('P', 'ATT#b') });
    expect(options.filters).toBeUndefined();
  });

  it('starts at the partition when there is no cursor, and says when the page is the last', async () => {
    spy.on(QueryCommand).resolve({ $metadata: {}, Items: [{ id: 'a' }] } as never);
    const page = await queryPageByPrefix(AttachmentEntity, 'P', SORT_KEY_PREFIX.attachment, { limit: 2 });
    expect(page).toEqual({ items: [{ id: 'a' }], more: false });
    expect(sent(0)[2].exclusiveStartKey).toBeUndefined();
  });
});

/**
 * The attachment repository against dynamodb-toolbox spies: what it sends and how it reads the
 * answers, with no TABLE_NAME and no DynamoDB (the table resolves both only on a real send).
 */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { EntitySpy } from 'dynamodb-toolbox/entity/actions/spy';
import {
  discardPending,
  getAttachment,
  markStored,
  putAttachment,
  type AttachmentRecord,
} from '../../../shared/data/attachment-repo';
import { AttachmentEntity } from '../../../shared/data/table';

const pending: AttachmentRecord = {
  tenant: 'qt',
  code: 'D1',
  id: 'A1',
  objectKey: 'staging/qt/D1/A1',
  status: 'pending',
  attachment: {
    id: 'A1',
    fileName: 'don.pdf',
    contentType: 'application/pdf',
    size: 10,
    status: 'pending',
    createdAt: '2026-01-05T08:00:00+07:00',
  },
  expiresAt: 1_800_000_000,
};

/** DynamoDB's answer with nothing in it (what a put returns; a get of a missing key). */
const answered = { $metadata: {} } as never;

const conditionFailed = () =>
  Object.assign(new Error('condition'), { name: 'ConditionalCheckFailedException' });

describe('data/attachment-repo', () => {
  let spy: EntitySpy<typeof AttachmentEntity>;
  beforeEach(() => {
    delete process.env.TABLE_NAME;
    spy = AttachmentEntity.build(EntitySpy);
  });
  afterEach(() => spy.restore());

  it('puts the record as given, unconditionally, when no key is taken with it', async () => {
    spy.on(PutItemCommand).resolve(answered);
    await putAttachment(pending);
    expect(spy.sent(PutItemCommand).count()).toBe(1);
    const [item, options] = spy.sent(PutItemCommand).args(0) ?? [];
    expect(item).toEqual(pending);
    expect(options?.condition).toBeUndefined();
  });

  it('stores a confirmed scan only over a record that is still pending', async () => {
    spy.on(PutItemCommand).resolve(answered);
    const stored = { ...pending, status: 'stored' as const, expiresAt: undefined, versionId: 'v1' };
    await expect(markStored(stored)).resolves.toBe(true);
    const [item, options] = spy.sent(PutItemCommand).args(0) ?? [];
    expect(item).toEqual(stored);
    expect(options?.condition).toEqual({ attr: 'status', eq: 'pending' });
  });

  it('answers false, not an error, when the record is no longer pending', async () => {
    spy.on(PutItemCommand).reject(conditionFailed());
    await expect(markStored({ ...pending, status: 'stored', expiresAt: undefined })).resolves.toBe(false);
    spy.on(DeleteItemCommand).reject(conditionFailed());
    await expect(discardPending('qt', 'D1', 'A1')).resolves.toBe(false);
  });

  it('passes other failures on', async () => {
    spy.on(DeleteItemCommand).reject(new Error('throttled'));
    await expect(discardPending('qt', 'D1', 'A1')).rejects.toThrow('throttled');
  });

  it('reads one record by its key, strongly consistent (a confirm must see the upload it follows)', async () => {
    const stamps = { created: '2026-01-05T01:00:00.000Z', modified: '2026-01-05T01:00:00.000Z' };
    spy.on(GetItemCommand).resolve({ $metadata: {}, Item: { ...pending, ...stamps } });
    await expect(getAttachment('qt', 'D1', 'A1')).resolves.toMatchObject(pending);
    const [key, options] = spy.sent(GetItemCommand).args(0) ?? [];
    expect(key).toEqual({ tenant: 'qt', code: 'D1', id: 'A1' });
    expect(options?.consistent).toBe(true);
  });

  it('answers undefined for a missing record', async () => {
    spy.on(GetItemCommand).resolve(answered);
    await expect(getAttachment('qt', 'D1', 'nope')).resolves.toBeUndefined();
  });

  it('needs TABLE_NAME only when a command really goes to DynamoDB', async () => {
    // Nothing stubbed: the command falls through to the table, which reads its name only now.
    await expect(getAttachment('qt', 'D1', 'A1')).rejects.toThrow('Missing environment variable TABLE_NAME');
  });
});

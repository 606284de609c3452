/** The offline stand-in for the lifecycle rule of unconfirmed uploads, against a fake bucket. */
import type { S3Client } from '@aws-sdk/client-s3';
import { parseStagingKey, stagingKey, storedKey } from '../../../shared/data/attachment-keys';
import { pendingExpiresAt } from '../../../shared/domain/attachments/pending';
import { startStagingSweep, type UploadLookup } from '../../../infra/local/staging-sweep';

const now = new Date('2027-02-05T08:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

/** A bucket that lists `keys` two per page and records deletions. */
function fakeBucket(keys: string[]) {
  const objects = new Set(keys);
  const s3 = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name === 'DeleteObjectCommand') {
        objects.delete(command.input.Key as string);
        return {};
      }
      const all = [...objects].filter((k) => k.startsWith(command.input.Prefix as string)).sort();
      const start = Number(command.input.ContinuationToken ?? 0);
      const page = all.slice(start, start + 2);
      const more = start + 2 < all.length;
      return {
        Contents: page.map((Key) => ({ Key })),
        IsTruncated: more,
        NextContinuationToken: more ? String(start + 2) : undefined,
      };
    },
  } as unknown as S3Client;
  return { s3, objects };
}

describe('infra/local/staging-sweep', () => {
  it('deletes staged objects no live pending upload owns, and keeps the rest of the bucket', async () => {
    const key = (id: string) => stagingKey('demo', '000.30.01.H99-270205-0001', id);
    const records: Record<string, Awaited<ReturnType<UploadLookup>>> = {
      LIVE: {
        status: 'pending',
        expiresAt: pendingExpiresAt(ago(23)),
        objectKey: key('LIVE'),
        attachment: { createdAt: '' },
      },
      EXPIRED: {
        status: 'pending',
        expiresAt: pendingExpiresAt(ago(25)),
        objectKey: key('EXPIRED'),
        attachment: { createdAt: '' },
      },
      STORED: { status: 'stored', objectKey: 'stored/…', attachment: { createdAt: '' } },
    };
    const stored = storedKey('demo', '000.30.01.H99-270205-0001', 'STORED', 'ab'.repeat(32), 'a.pdf');
    const bucket = fakeBucket([
      key('LIVE'),
      key('EXPIRED'),
      key('STORED'), // PUT again after its confirm
      key('GONE'), // its record was discarded
      'staging/not-an-upload',
      stored,
    ]);
    const sweep = startStagingSweep({
      s3: bucket.s3,
      bucket: 'b',
      lookup: async (_tenant, _code, id) => records[id],
      now: () => now,
      intervalMs: 3_600_000,
    });
    await sweep.sweep();
    await sweep.stop();
    expect([...bucket.objects].sort()).toEqual([key('LIVE'), stored]);
  });

  it('reads a staging key back as the upload it belongs to, and nothing else as one', () => {
    expect(parseStagingKey(stagingKey('demo', '000.30.01.H99-270205-0001', '01J'))).toEqual({
      tenant: 'demo',
      code: '000.30.01.H99-270205-0001',
      id: '01J',
    });
    expect(parseStagingKey('stored/demo/c/01J')).toBeUndefined();
    expect(parseStagingKey('staging/demo/c/01J/extra')).toBeUndefined();
    expect(parseStagingKey('staging/demo//01J')).toBeUndefined();
  });
});

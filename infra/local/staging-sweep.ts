/**
 * The offline stand-in for what AWS does to unconfirmed uploads: the bucket's
 * `expire-unconfirmed-uploads` lifecycle rule (infra/constructs/attachments-bucket.ts), which
 * s3rver does not have. At start, every minute and whenever the test clock moves, it deletes each
 * object under `staging/` that no live pending upload owns: its record expired (by the shared
 * domain clock), was confirmed (a PUT after the confirm), or is gone.
 *
 * Judged by the record, not by the object's age: s3rver stamps objects with the wall clock, so
 * after the test clock was moved ahead every fresh upload would look old and vanish before its
 * confirm. In AWS the lifecycle counts whole days from the object's creation (rounded up to
 * midnight UTC) and acts within about a day, so there the object outlives its record a little;
 * here it goes with it, within a minute. Expired records stay (DynamoDB Local never deletes
 * expired items); the API treats them as gone.
 */
import { DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { BUCKET_AREAS, parseStagingKey } from '../../shared/data/attachment-keys';
import { isExpiredPending, type PendingState } from '../../shared/domain/attachments/pending';
import { clock } from '../../shared/platform/clock';

/** The record of an upload; the data layer's `getAttachment`, passed in because it needs the table's environment. */
export type UploadLookup = (
  tenant: string,
  code: string,
  id: string,
) => Promise<(PendingState & { objectKey: string }) | undefined>;

export interface StagingSweepOptions {
  s3: S3Client;
  bucket: string;
  lookup: UploadLookup;
  /** Default one minute. */
  intervalMs?: number;
  /** Default: the shared domain clock. */
  now?: () => Date;
}

export interface StagingSweep {
  /** Sweeps now (after any sweep under way); resolves to the number of objects deleted. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function startStagingSweep(options: StagingSweepOptions): StagingSweep {
  const now = options.now ?? (() => clock.now());
  let chain: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const ownedByLiveUpload = async (key: string): Promise<boolean> => {
    const upload = parseStagingKey(key);
    if (!upload) return false;
    const record = await options.lookup(upload.tenant, upload.code, upload.id);
    return record?.status === 'pending' && record.objectKey === key && !isExpiredPending(record, now());
  };

  const once = async (): Promise<number> => {
    let deleted = 0;
    let token: string | undefined;
    do {
      if (stopped) break;
      const page = await options.s3.send(
        new ListObjectsV2Command({
          Bucket: options.bucket,
          Prefix: BUCKET_AREAS.staging,
          ContinuationToken: token,
        }),
      );
      for (const { Key } of page.Contents ?? []) {
        if (!Key || (await ownedByLiveUpload(Key))) continue;
        await options.s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key }));
        deleted += 1;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  };

  // One sweep at a time; a failed sweep is reported and the next one tries again.
  const sweep = () => {
    chain = chain.then(once).catch((error: unknown) => {
      process.stderr.write(
        `[s3] staging sweep failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 0;
    });
    return chain;
  };

  const timer = setInterval(() => void sweep(), options.intervalMs ?? 60_000);
  timer.unref();
  void sweep();

  return {
    sweep,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await chain;
    },
  };
}

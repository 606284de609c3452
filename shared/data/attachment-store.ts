/**
 * The attachments bucket: presigned URLs, reading back a staged upload, and storing the bytes the
 * confirm step checked. Key layout and the two areas: ./attachment-keys.ts.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { getS3Client } from '../platform/aws-clients';
import { ENV, numberEnv, requireEnv } from '../platform/env';

/** Read on each call, like the table's name: importing this module needs no environment. */
const bucket = () => requireEnv(ENV.bucketName);
const uploadTtl = numberEnv(ENV.uploadUrlTtlSeconds, 900);
const downloadTtl = numberEnv(ENV.downloadUrlTtlSeconds, 300);

export async function presignUpload(key: string, contentType: string, size: number) {
  const url = await getSignedUrl(
    getS3Client(),
    new PutObjectCommand({ Bucket: bucket(), Key: key, ContentType: contentType, ContentLength: size }),
    { expiresIn: uploadTtl, signableHeaders: new Set(['content-type', 'content-length']) },
  );
  return {
    url,
    expiresAt: new Date(Date.now() + uploadTtl * 1000),
    headers: { 'content-type': contentType },
  };
}

/** A link to one object; with a version id, to that version even if the key is written again. */
export async function presignDownload(
  key: string,
  versionId: string | undefined,
  fileName: string,
  contentType: string,
) {
  const url = await getSignedUrl(
    getS3Client(),
    new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      VersionId: versionId,
      ResponseContentType: contentType,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    }),
    { expiresIn: downloadTtl },
  );
  return { url, expiresAt: new Date(Date.now() + downloadTtl * 1000) };
}

export interface StagedObject {
  size: number;
  /** The whole object; empty when it is over the limit (it was not read past it). */
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`; empty when over the limit. */
  sha256: string;
  /** The version read, where the bucket is versioned. */
  versionId?: string;
}

/**
 * The staged upload, read whole in one GET, or undefined when nothing was uploaded. An object over
 * `maxBytes` (s3rver ignores the signed length) is not read past the limit. Reading it whole lets
 * the confirm step store exactly the bytes it judged, whatever is PUT to the staging key meanwhile.
 */
export async function readStaged(key: string, maxBytes: number): Promise<StagedObject | undefined> {
  let object;
  try {
    object = await getS3Client().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
  const body = object.Body as Readable;
  const tooLarge = (size: number): StagedObject => {
    body.destroy();
    return { size, bytes: Buffer.alloc(0), sha256: '', versionId: object.VersionId };
  };
  if ((object.ContentLength ?? 0) > maxBytes) return tooLarge(object.ContentLength ?? 0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) return tooLarge(size);
    chunks.push(buf);
  }
  const bytes = Buffer.concat(chunks, size);
  return {
    size,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    versionId: object.VersionId,
  };
}

/**
 * Writes checked bytes to their final key. S3 verifies them against the SHA-256 sent along and
 * refuses the write if they differ, so what is stored is what was hashed. Returns the version id to
 * pin downloads to, where the bucket is versioned.
 */
export async function storeChecked(
  key: string,
  bytes: Buffer,
  checked: { contentType: string; sha256: string },
): Promise<{ versionId?: string }> {
  const result = await getS3Client().send(
    new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      Body: bytes,
      ContentLength: bytes.length,
      ContentType: checked.contentType,
      ChecksumSHA256: Buffer.from(checked.sha256, 'hex').toString('base64'),
    }),
  );
  return { versionId: result.VersionId };
}

/** Deletes the object; with a version id the version itself goes, not just behind a delete marker. */
export async function deleteObject(key: string, versionId?: string): Promise<void> {
  await getS3Client().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key, VersionId: versionId }));
}

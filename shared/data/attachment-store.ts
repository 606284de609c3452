/** The attachments bucket: presigned URLs, and reading back what landed. */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { getS3Client } from '../platform/aws-clients';
import { ENV, numberEnv, requireEnv } from '../platform/env';

const bucket = requireEnv(ENV.bucketName);
const uploadTtl = numberEnv(ENV.uploadUrlTtlSeconds, 900);
const downloadTtl = numberEnv(ENV.downloadUrlTtlSeconds, 300);

export async function presignUpload(key: string, contentType: string, size: number) {
  const url = await getSignedUrl(
    getS3Client(),
    new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
    { expiresIn: uploadTtl, signableHeaders: new Set(['content-type', 'content-length']) },
  );
  return {
    url,
    expiresAt: new Date(Date.now() + uploadTtl * 1000),
    headers: { 'content-type': contentType },
  };
}

export async function presignDownload(key: string, fileName: string, contentType: string) {
  const url = await getSignedUrl(
    getS3Client(),
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ResponseContentType: contentType,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    }),
    { expiresIn: downloadTtl },
  );
  return { url, expiresAt: new Date(Date.now() + downloadTtl * 1000) };
}

/**
 * Size, version, first bytes and SHA-256 of what is stored, read in one streaming pass. An object
 * over `maxBytes` is not read at all (it will be rejected on its size): no hash for it.
 */
export async function readLanded(key: string, headBytes: number, maxBytes: number) {
  let head;
  try {
    head = await getS3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
  const declaredSize = head.ContentLength ?? 0;
  if (declaredSize > maxBytes) {
    return { size: declaredSize, head: new Uint8Array(), sha256: '', versionId: head.VersionId };
  }
  const object = await getS3Client().send(
    new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: head.VersionId }),
  );
  const hash = createHash('sha256');
  const first: Buffer[] = [];
  let firstLength = 0;
  let size = 0;
  for await (const chunk of object.Body as Readable) {
    const buf = chunk as Buffer;
    hash.update(buf);
    size += buf.length;
    if (firstLength < headBytes) {
      first.push(buf.subarray(0, headBytes - firstLength));
      firstLength += Math.min(buf.length, headBytes - firstLength);
    }
  }
  return {
    size,
    head: new Uint8Array(Buffer.concat(first)),
    sha256: hash.digest('hex'),
    versionId: head.VersionId,
  };
}

/** Deletes the object; with a version id the version itself goes, not just behind a delete marker. */
export async function deleteObject(key: string, versionId?: string): Promise<void> {
  await getS3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
}

/**
 * The bucket for dossier scans, and the locked-down bucket its server access logs go to.
 *
 * Browsers upload and download directly with presigned URLs (the functions hand them out after
 * checking the caller), so the bucket needs CORS for the web app's origin but never a public policy.
 * Every upload lands under `staging/` and is verified (size, magic bytes, SHA-256) by
 * `confirmAttachment`, which writes the bytes it checked under `stored/`; what is never confirmed
 * expires from `staging/` (shared/data/attachment-keys.ts).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type LifecycleRule,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BUCKET_AREAS } from '../../shared/data/attachment-keys';
import { PENDING_UPLOAD_DAYS } from '../../shared/domain/attachments/pending';
import { acknowledge } from './nag';

export interface AttachmentsBucketProps {
  /** Origins allowed to PUT/GET with presigned URLs from a browser. */
  readonly allowedOrigins: readonly string[];
  /** Days to keep server access logs; undefined keeps them forever. */
  readonly accessLogExpirationDays?: number;
  /** Days a replaced or deleted scan stays recoverable as a non-current version. */
  readonly noncurrentVersionExpirationDays?: number;
}

/** Settings both buckets share: private, S3-encrypted, TLS 1.2+ only, ACLs off, kept on stack deletion. */
const LOCKED_DOWN = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  // SSE-S3: server access logs can only be delivered to SSE-S3 buckets, and presigned browser uploads
  // need no key grant. Move the attachments bucket to a KMS key if a tenant demands its own key.
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  // Citizens' documents and their access trail are records: a stack deletion must not take them.
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

export class AttachmentsBucket extends Construct {
  public readonly bucket: Bucket;
  public readonly logsBucket: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);

    this.logsBucket = new Bucket(this, 'AccessLogs', {
      ...LOCKED_DOWN,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration:
            props.accessLogExpirationDays === undefined
              ? undefined
              : Duration.days(props.accessLogExpirationDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    acknowledge(
      this.logsBucket,
      'AwsSolutions-S1',
      'This bucket is the server access log destination; logging its own access would log the log writes.',
    );

    this.bucket = new Bucket(this, 'Bucket', {
      ...LOCKED_DOWN,
      // A replaced or deleted scan stays recoverable until the non-current version expires.
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: attachmentLifecycle(props.noncurrentVersionExpirationDays ?? 90),
      cors: [
        {
          id: 'browser-presigned',
          allowedOrigins: [...props.allowedOrigins],
          // PUT/POST: presigned uploads; GET/HEAD: presigned downloads.
          allowedMethods: [HttpMethods.GET, HttpMethods.HEAD, HttpMethods.PUT, HttpMethods.POST],
          // Presigned uploads carry Content-Type, checksum and x-amz-* headers chosen by the SDK.
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'x-amz-version-id', 'x-amz-checksum-sha256'],
          maxAge: 3000,
        },
      ],
    });
  }
}

function attachmentLifecycle(noncurrentDays: number): LifecycleRule[] {
  return [
    {
      // A browser that gave up mid-upload leaves invisible parts that are billed until aborted.
      id: 'abort-incomplete-multipart',
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    },
    {
      id: 'expire-noncurrent-versions',
      noncurrentVersionExpiration: Duration.days(noncurrentDays),
    },
    {
      // An upload never confirmed, or PUT again after its confirm, is nobody's scan. Its pending
      // record expires after as many days (table TTL); versions and markers left by a confirm go too.
      id: 'expire-unconfirmed-uploads',
      prefix: BUCKET_AREAS.staging,
      expiration: Duration.days(PENDING_UPLOAD_DAYS),
      noncurrentVersionExpiration: Duration.days(PENDING_UPLOAD_DAYS),
    },
    {
      // Once the last version is gone, the lone delete marker is clutter that slows listings.
      id: 'remove-expired-delete-markers',
      expiredObjectDeleteMarker: true,
    },
  ];
}

import { Match } from 'aws-cdk-lib/assertions';
import { BUCKET_AREAS } from '../../shared/data/attachment-keys';
import { TABLE_KEYS } from '../../shared/data/keys';
import { PENDING_UPLOAD_DAYS } from '../../shared/domain/attachments/pending';
import { buildTestApp } from './fixture';

const testApp = buildTestApp({ context: { domain: 'motcua.example.gov.vn' } });
const template = testApp.template(testApp.stacks.data);

// TableV2 synthesizes a global table; per-replica settings (PITR, deletion protection) live in Replicas.
const TABLE = 'AWS::DynamoDB::GlobalTable';
const BUCKET = 'AWS::S3::Bucket';

/** The attachments bucket is the versioned one; the access-logs bucket is not. */
const attachmentsBucket = (props: Record<string, unknown>) =>
  template.hasResourceProperties(BUCKET, { VersioningConfiguration: { Status: 'Enabled' }, ...props });

describe('DataStack', () => {
  describe('table', () => {
    it('takes its primary key names from TABLE_KEYS', () => {
      template.hasResourceProperties(TABLE, {
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
      });
    });

    it('declares GSI1 with its key names from TABLE_KEYS and all attributes projected', () => {
      template.hasResourceProperties(TABLE, {
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE_KEYS.gsi1.name,
            KeySchema: [
              { AttributeName: TABLE_KEYS.gsi1.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE_KEYS.gsi1.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      });
    });

    it('bills on demand', () => {
      template.hasResourceProperties(TABLE, { BillingMode: 'PAY_PER_REQUEST' });
    });

    it('enables point-in-time recovery and deletion protection', () => {
      template.hasResourceProperties(TABLE, {
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      });
    });

    it('streams new and old images for the outbox consumers', () => {
      template.hasResourceProperties(TABLE, {
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      });
    });

    it('expires items on the TTL attribute from TABLE_KEYS', () => {
      template.hasResourceProperties(TABLE, {
        TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true },
      });
    });

    it('is encrypted with a KMS key', () => {
      template.hasResourceProperties(TABLE, { SSESpecification: { SSEEnabled: true, SSEType: 'KMS' } });
    });

    it('is retained when the stack is deleted', () => {
      template.hasResource(TABLE, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });
  });

  describe('attachments bucket', () => {
    it('blocks all public access', () => {
      attachmentsBucket({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
    });

    it('is encrypted at rest', () => {
      attachmentsBucket({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: Match.anyValue() } },
          ],
        },
      });
    });

    it('denies every request that does not use TLS', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: Match.stringLikeRegexp('AttachmentsBucket') },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('aborts incomplete multipart uploads after one day', () => {
      attachmentsBucket({
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
              Status: 'Enabled',
            }),
          ]),
        },
      });
    });

    it('expires non-current versions after 90 days', () => {
      attachmentsBucket({
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }),
          ]),
        },
      });
    });

    it('expires unconfirmed uploads under staging/ (every version) as soon as their pending record', () => {
      expect(BUCKET_AREAS.staging).toBe('staging/');
      attachmentsBucket({
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            {
              Id: 'expire-unconfirmed-uploads',
              Prefix: 'staging/',
              ExpirationInDays: PENDING_UPLOAD_DAYS,
              NoncurrentVersionExpiration: { NoncurrentDays: PENDING_UPLOAD_DAYS },
              Status: 'Enabled',
            },
          ]),
        },
      });
    });

    it('expires nothing under stored/: no lifecycle rule with a prefix but staging/', () => {
      const buckets = template.findResources(BUCKET, {
        Properties: { VersioningConfiguration: { Status: 'Enabled' } },
      });
      const rules = Object.values(buckets).flatMap(
        (b) =>
          b.Properties.LifecycleConfiguration.Rules as Array<{ Prefix?: string; ExpirationInDays?: number }>,
      );
      expect(rules.filter((r) => r.Prefix !== undefined).map((r) => r.Prefix)).toEqual(['staging/']);
      expect(rules.filter((r) => r.ExpirationInDays !== undefined && r.Prefix === undefined)).toEqual([]);
    });

    it('writes server access logs to the logs bucket', () => {
      attachmentsBucket({
        LoggingConfiguration: {
          DestinationBucketName: { Ref: Match.stringLikeRegexp('AttachmentsAccessLogs') },
          LogFilePrefix: 'attachments/',
        },
      });
    });

    it('allows browser PUT and GET only from the configured domain when a domain is given', () => {
      attachmentsBucket({
        CorsConfiguration: {
          CorsRules: [
            Match.objectLike({
              AllowedOrigins: ['https://motcua.example.gov.vn'],
              AllowedMethods: Match.arrayWith(['GET', 'PUT']),
            }),
          ],
        },
      });
    });

    it('is retained when the stack is deleted', () => {
      template.hasResource(BUCKET, {
        Properties: Match.objectLike({ VersioningConfiguration: { Status: 'Enabled' } }),
        DeletionPolicy: 'Retain',
      });
    });

    it('is shared with other stacks through stage-prefixed export names', () => {
      template.hasOutput('*', { Export: { Name: 'MotCua-test-AttachmentsBucketArn' } });
      template.hasOutput('*', { Export: { Name: 'MotCua-test-AttachmentsBucketName' } });
    });
  });

  describe('access logs bucket', () => {
    it('blocks all public access and is encrypted', () => {
      template.hasResourceProperties(BUCKET, {
        VersioningConfiguration: Match.absent(),
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.anyValue(),
      });
    });

    it('lets only the S3 logging service write, and only over TLS', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: Match.stringLikeRegexp('AttachmentsAccessLogs') },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'logging.s3.amazonaws.com' },
              Action: 's3:PutObject',
            }),
          ]),
        },
      });
    });
  });
});

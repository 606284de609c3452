/**
 * The stateful stack: the one DynamoDB table and the attachments bucket. Kept apart from the API so
 * the API stack can be replaced or torn down freely while the data stays (RETAIN, deletion protection).
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../../shared/data/keys';
import type { StageConfig } from '../stage';
import { AttachmentsBucket } from '../constructs/attachments-bucket';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

/** How another stack reaches the bucket: names of CloudFormation exports, see `sharedBucket`. */
export interface SharedBucketRef {
  readonly bucketName: string;
  readonly bucketArn: string;
}

export class DataStack extends Stack {
  public readonly table: TableV2;
  public readonly bucket: Bucket;
  /**
   * Wraps each tenant's personal-data key (shared/data/personal-data-keys.ts): envelope encryption
   * of applicants' ID numbers, phones, e-mails and addresses. Only functions whose access names
   * `personalData` may use it (infra/constructs/api-function.ts `bindPersonalData`).
   */
  public readonly personalDataKey: Key;
  /**
   * The bucket for other stacks, through *named* exports rather than CDK's implicit cross-stack
   * reference. The consumer's IAM policy then reads `…-AttachmentsBucketArn/*`, a stable string that
   * the cdk-nag acknowledgement of that object wildcard can name (implicit export names are generated).
   */
  public readonly sharedBucket: SharedBucketRef;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: TABLE_KEYS.gsi1.name,
          partitionKey: { name: TABLE_KEYS.gsi1.partitionKey, type: AttributeType.STRING },
          sortKey: { name: TABLE_KEYS.gsi1.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        },
      ],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Outbox events ride the stream to webhooks, reports and notifications.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE_KEYS.ttl,
      // AWS-owned keys would also encrypt; the AWS-managed key adds a CloudTrail record of its use.
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.personalDataKey = new Key(this, 'PersonalDataKey', {
      description: `${config.prefix}: wraps tenants' personal-data keys (issue 11 §5)`,
      enableKeyRotation: true,
      removalPolicy: config.personalDataKeyRemovalPolicy,
      pendingWindow: Duration.days(30),
    });

    const attachments = new AttachmentsBucket(this, 'Attachments', {
      allowedOrigins: config.allowedOrigins,
      // S3 access logs live as long as the CloudWatch logs of the same stage.
      accessLogExpirationDays:
        config.logRetention === RetentionDays.INFINITE ? undefined : config.logRetention,
    });
    this.bucket = attachments.bucket;

    this.sharedBucket = {
      bucketName: this.exportValue(this.bucket.bucketName, {
        name: `${config.prefix}-AttachmentsBucketName`,
      }),
      bucketArn: this.exportValue(this.bucket.bucketArn, { name: `${config.prefix}-AttachmentsBucketArn` }),
    };
  }
}

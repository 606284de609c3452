/**
 * Isolation below the code, in AWS (issue 11 §3): a tenant-scoped route's function reaches the
 * table and the bucket only through this role, assumed per request's tenant with the session tag
 * `tenant=<id>` (shared/platform/tenant-credentials.ts). Its policy holds the route's own
 * least-privilege grants (the same actions, indexes and bucket areas as infra/constructs/access.ts)
 * with every one conditioned on the tag:
 * - DynamoDB: `dynamodb:LeadingKeys` must all be `TENANT#<tag>` or `TENANT#<tag>#*`
 *   (shared/api/tenant-scope.ts), and must be present (ForAllValues alone is true on an empty set);
 * - S3: objects `<area>/<tag>/*` only, and ListBucket only with a prefix under them.
 * A handler that builds another tenant's key signs it with credentials IAM refuses for that key.
 *
 * The trust policy lets only this function's execution role assume it, only with the `tenant`
 * tag (and no other tag), and never with a tag value holding a character that would widen the
 * patterns (`#`, `/`, `*`, `?`). The audit Deny every role carries is on this one too.
 * The execution role keeps the platform items only (`grantPlatformItems`).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, PolicyStatement, Role, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../shared/api/functions';
import type { ResourceAccess } from '../../shared/api/routes';
import {
  PLATFORM_READ_PARTITION,
  TENANT_TAG,
  tenantObjectPrefix,
  tenantPartitionPatterns,
} from '../../shared/api/tenant-scope';
import { BUCKET_AREAS, type BucketArea } from '../../shared/data/attachment-keys';
import { TABLE_KEYS } from '../../shared/data/keys';
import { RATE_BUCKET_PARTITION_PREFIX } from '../../shared/platform/rate-bucket-store';
import { ENV } from '../../shared/platform/env';
import { BUCKET_OBJECT_ACTIONS } from './access';
import { auditAppendOnly, type ApiFunction } from './api-function';
import { acknowledge, iam5ResourceFinding } from './nag';

/** The policy variable IAM replaces with the session's tenant tag. */
export const TENANT_TAG_VARIABLE = `\${aws:PrincipalTag/${TENANT_TAG}}`;

/** Tag values refused by the trust policy: each would widen a StringLike pattern or a prefix. */
export const FORBIDDEN_TAG_VALUES = ['*#*', '*/*', '*${*}*', '*${?}*'];

export interface TenantDataRoleProps {
  readonly fn: ApiFunction;
  readonly access: ResourceAccess;
  readonly table?: ITableV2;
  readonly bucket?: IBucket;
}

/** `ForAllValues:StringLike` on the leading keys, and the keys present. */
export const leadingKeysCondition = (patterns: readonly string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
  Null: { 'dynamodb:LeadingKeys': 'false' },
});

export class TenantDataRole extends Construct {
  public readonly role: Role;

  constructor(scope: Construct, id: string, props: TenantDataRoleProps) {
    super(scope, id);
    const { fn, access } = props;
    const executionRole: IRole = fn.role;
    this.role = new Role(this, 'Role', {
      description: `Tenant-scoped data access of ${fn.node.path.split('/').slice(-2, -1)[0] ?? 'a route'}`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new ArnPrincipal(executionRole.roleArn).withSessionTags().withConditions({
        Null: { [`aws:RequestTag/${TENANT_TAG}`]: 'false' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_TAG] },
        StringNotLike: { [`aws:RequestTag/${TENANT_TAG}`]: FORBIDDEN_TAG_VALUES },
      }),
      inlinePolicies: { AuditAppendOnly: auditAppendOnly(Stack.of(this)) },
    });
    // The identity side of the same trust: the execution role may assume this role and tag it.
    executionRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [this.role.roleArn] }),
    );
    fn.function.addEnvironment(ENV.tenantDataRoleArn, this.role.roleArn);

    const keys = leadingKeysCondition(tenantPartitionPatterns(TENANT_TAG_VARIABLE, access));
    if (props.table && access.table !== undefined) {
      const table = props.table;
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...TABLE_READ_ACTIONS],
          resources: [table.tableArn, `${table.tableArn}/index/${TABLE_KEYS.gsi1.name}`],
          conditions: keys,
        }),
      );
      if (access.table === 'readWrite') {
        this.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [...TABLE_WRITE_ACTIONS],
            resources: [table.tableArn],
            conditions: keys,
          }),
        );
        table.encryptionKey?.grantEncryptDecrypt(this.role);
      } else if (access.audit === true) {
        // A read route that records who read personal data appends to its tenant's audit log only.
        this.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: ['dynamodb:PutItem'],
            resources: [table.tableArn],
            conditions: leadingKeysCondition([`TENANT#${TENANT_TAG_VARIABLE}#AUDIT#*`]),
          }),
        );
        table.encryptionKey?.grantEncryptDecrypt(this.role);
      } else table.encryptionKey?.grantDecrypt(this.role);
    }
    if (props.bucket && access.bucket !== undefined) this.grantBucket(props.bucket, access.bucket);
  }

  private grantBucket(bucket: IBucket, access: NonNullable<ResourceAccess['bucket']>): void {
    const areas = (Object.keys(access) as BucketArea[]).filter((a) => (access[a] ?? []).length > 0);
    const prefixes = areas.map((area) => tenantObjectPrefix(BUCKET_AREAS[area], TENANT_TAG_VARIABLE));
    areas.forEach((area, i) => {
      const arn = bucket.arnForObjects(`${prefixes[i]}*`);
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...new Set((access[area] ?? []).flatMap((a) => BUCKET_OBJECT_ACTIONS[a]))],
          resources: [arn],
        }),
      );
      acknowledge(
        this.role,
        iam5ResourceFinding(this, arn),
        'Object actions on one tenant\'s objects of one area: "<bucket>/<area>/${aws:PrincipalTag/tenant}/*" ' +
          "is how S3 names the objects under the session's own prefix.",
      );
    });
    const actions = new Set(areas.flatMap((area) => access[area] ?? []));
    if (actions.has('read'))
      // A 404 for a missing key needs ListBucket; a listing may only name the tenant's prefixes.
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': prefixes.map((p) => `${p}*`) } },
        }),
      );
    if (actions.has('write')) bucket.encryptionKey?.grantEncryptDecrypt(this.role);
    else bucket.encryptionKey?.grantDecrypt(this.role);
  }
}

/**
 * What the execution role of a tenant-scoped function keeps on the table: the platform items the
 * gates read and write before the use case runs (or through `asPlatform`), each held to its
 * partition by `dynamodb:LeadingKeys` — the tenant registry (GetItem) and the fair-share buckets
 * (UpdateItem). No tenant's data.
 */
export function grantPlatformItems(role: IRole, table: ITableV2): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['dynamodb:GetItem'],
      resources: [table.tableArn],
      conditions: leadingKeysCondition([PLATFORM_READ_PARTITION]),
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['dynamodb:UpdateItem'],
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${RATE_BUCKET_PARTITION_PREFIX}*`] },
      },
    }),
  );
  table.encryptionKey?.grantEncryptDecrypt(role);
}

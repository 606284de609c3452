/**
 * CDK feature flags the stacks rely on. They are app defaults (context given on the command line or
 * in cdk.json still wins), set here rather than only in cdk.json so the tests build the very same
 * resources as `cdk synth`.
 */
export const FEATURE_FLAGS = {
  // Server access logs reach the logs bucket through a bucket policy for logging.s3.amazonaws.com
  // instead of the legacy LogDeliveryWrite ACL, which S3's default "bucket owner enforced"
  // ownership rejects.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Exports that CloudFormation enforces: the data stack cannot be deleted while the API imports
  // from it. Explicit, because CDK now warns when the strength is left to its default.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
  // CDK's built-in CloudFormation template validation fails the synth on an error instead of
  // printing it as a warning: a broken template should stop at `cdk synth`, not at deploy.
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  // Merge grants into few policy statements (also in cdk.json; repeated so tests match synth).
  '@aws-cdk/aws-iam:minimizePolicies': true,
} as const;

/**
 * Configuration comes from environment variables, read once when a module loads, so a function
 * with a missing variable fails at cold start instead of on some later request.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`Environment variable ${name} is not a number: ${raw}`);
  return value;
}

/** The variables the deployed functions and the offline cloud set. One list, so neither side drifts. */
export const ENV = {
  tableName: 'TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  /** `true` where the S3 endpoint cannot serve virtual-host style buckets (s3rver, some gateways). */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  uploadUrlTtlSeconds: 'UPLOAD_URL_TTL_SECONDS',
  downloadUrlTtlSeconds: 'DOWNLOAD_URL_TTL_SECONDS',
  idempotencyTtlSeconds: 'IDEMPOTENCY_TTL_SECONDS',
  /** `true` lets webhook targets be loopback; only the offline cloud sets it (webhook-target.ts). */
  webhookLoopbackAllowed: 'WEBHOOK_LOOPBACK_ALLOWED',
  /** The Cognito user pool agencies' app clients are made in (only the function that makes them). */
  userPoolId: 'USER_POOL_ID',
  /**
   * The tenants whose citizens sign in through their own identity provider, comma-separated (only
   * the pre-token-generation trigger; shared/platform/citizen-federation.ts). Unset: none.
   */
  citizenTenants: 'CITIZEN_TENANTS',
  /**
   * The API's public base URL (`https://…/`, no path): links printed for citizens, such as the
   * tracking page in the forms' QR code. CDK sets it from the API stage's URL, the offline cloud
   * from its own; only functions whose access names `publicBaseUrl` get it.
   */
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /**
   * Notifications to applicants (only functions whose access names `notifications`): the verified
   * SES identity's address messages come from, the SES configuration set if any, the SMS provider
   * (`sns`, the default) and the SMS sender id where the destination supports one.
   */
  notifyEmailFrom: 'NOTIFY_EMAIL_FROM',
  notifyConfigurationSet: 'NOTIFY_SES_CONFIGURATION_SET',
  notifySmsProvider: 'NOTIFY_SMS_PROVIDER',
  notifySmsSenderId: 'NOTIFY_SMS_SENDER_ID',
  /**
   * How long a function remembers a tenant's status (active/suspended), in seconds: default 30
   * (CDK sets nothing); the offline cloud sets 1 (shared/platform/tenant-gate.ts).
   */
  tenantStatusCacheSeconds: 'TENANT_STATUS_CACHE_SECONDS',
  /**
   * Fair-share limits (shared/domain/fair-share/limits.ts): JSON overriding any plan's or the public
   * client's `{ ratePerSecond, burst }`; unset, the defaults. CDK sets nothing; offline it passes
   * through from the cloud's own environment (tests set small limits in their own cloud).
   */
  fairShareLimits: 'FAIR_SHARE_LIMITS',
  /**
   * The KMS key that wraps each tenant's personal-data key (only functions whose access names
   * `personalData`); offline, the local KMS's key (AWS_ENDPOINT_URL_KMS, infra/local/kms.ts).
   */
  personalDataKeyId: 'PERSONAL_DATA_KEY_ID',
  /**
   * The role a tenant-scoped function assumes with the caller's tenant as session tag (issue 11 §3,
   * shared/platform/tenant-credentials.ts); offline, the local STS's (infra/local/sts.ts).
   */
  tenantDataRoleArn: 'TENANT_DATA_ROLE_ARN',
} as const;

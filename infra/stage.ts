/**
 * The stage configuration: read once from CDK context (`cdk.json`, or `-c key=value` on the
 * command line), checked, and handed to every stack as one typed object, so no stack reads
 * context on its own and a typo fails the synth with a message instead of deploying something odd.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ANY_ORIGIN } from '../shared/api/cors';
import {
  CITIZEN_PROVIDERS_KEY,
  readCitizenIdentityProviders,
  type CitizenIdentityProvider,
} from './citizen-providers';

/** The context keys this app reads. */
export const CONTEXT_KEYS = {
  stage: 'stage',
  alarmEmail: 'alarmEmail',
  domain: 'domain',
  logRetentionDays: 'logRetentionDays',
  /** The verified SES identity notifications are sent from: a domain or an e-mail address. */
  notifyEmailIdentity: 'notifyEmailIdentity',
  /** The From address; default `thongbao@<identity>` for a domain identity, the identity for an address. */
  notifyEmailFrom: 'notifyEmailFrom',
  /** An SES configuration set for the messages (event publishing, suppression), optional. */
  notifySesConfigurationSet: 'notifySesConfigurationSet',
  /** The SMS sender id (alphanumeric, registered where the destination country requires it), optional. */
  notifySmsSenderId: 'notifySmsSenderId',
  /** A sender verified in SES (address or domain): staff invitations and resets go through SES. */
  sesFromEmail: 'sesFromEmail',
  /** The SES region of that identity, when not the stack's. */
  sesRegion: 'sesRegion',
  /** Per tenant id, the OIDC provider its citizens sign in through (infra/citizen-providers.ts). */
  citizenIdentityProviders: CITIZEN_PROVIDERS_KEY,
} as const;

/** Notifications' e-mail and SMS settings (docs/deploy.md, docs/notifications.md). */
export interface NotifyConfig {
  /** Without it no e-mail is sent (and no SES grant exists); SMS still are. */
  readonly emailIdentity?: string;
  readonly emailFrom?: string;
  readonly configurationSet?: string;
  readonly smsSenderId?: string;
}

export interface StageConfig {
  /** Short lower-case name (`dev`, `staging`, `prod`); every stack and export is prefixed with it. */
  readonly stage: string;
  /** `MotCua-<stage>`: stack names and export names start with it, so stages share an account safely. */
  readonly prefix: string;
  readonly isProd: boolean;
  /** Where alarm notifications go; without it the topic exists and has no subscriber. */
  readonly alarmEmail?: string;
  /**
   * The web app's domain (e.g. `motcua.example.gov.vn`). Browsers on `https://<domain>` may call the
   * API and PUT/GET presigned URLs on the attachments bucket. Without it any origin may: the API
   * takes bearer tokens, not cookies, and presigned URLs carry their own authority.
   */
  readonly domain?: string;
  /** The origins CORS allows, derived from `domain`. */
  readonly allowedOrigins: readonly string[];
  /** Retention of Lambda and API access logs. */
  readonly logRetention: RetentionDays;
  /**
   * Staff invitations and password resets are sent by SES from this verified sender. Without it
   * Cognito's own e-mail sends them, capped at 50 messages a day per account: enough to try a stage,
   * not to onboard a province (docs/deploy.md, "Onboarding a province").
   */
  readonly sesFromEmail?: string;
  readonly sesRegion?: string;
  /** Log groups are kept in prod (evidence of who did what) and removed with a dev stage. */
  readonly logRemovalPolicy: RemovalPolicy;
  /**
   * The KMS key that wraps tenants' personal-data keys: kept in prod (the retained table's sealed
   * values cannot be read without it), scheduled for deletion with a dev stage.
   */
  readonly personalDataKeyRemovalPolicy: RemovalPolicy;
  readonly notify: NotifyConfig;
  /**
   * Provinces whose citizens sign in through their own identity provider (docs/citizens.md); empty:
   * citizens have no Cognito sign-in and nothing of it is in the template.
   */
  readonly citizenIdentityProviders: readonly CitizenIdentityProvider[];
}

export interface ContextReader {
  tryGetContext(key: string): unknown;
}

const STAGE_PATTERN = /^[a-z][a-z0-9]{1,11}$/;
// Deliberately loose: SNS confirms the address; this only catches `-c alarmEmail=true` and typos.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const RETENTION_VALUES = new Set<number>(
  Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'),
);
const DEFAULT_RETENTION_DAYS = { prod: RetentionDays.ONE_YEAR, other: RetentionDays.ONE_MONTH } as const;

/** Context values come as strings from `-c`, as JSON values from cdk.json: accept both. */
function optionalString(raw: unknown, key: string, errors: string[]): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') {
    errors.push(`context "${key}" must be a string, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  return raw.trim();
}

function readRetention(raw: unknown, isProd: boolean, errors: string[]): RetentionDays {
  if (raw === undefined || raw === null || raw === '') {
    return isProd ? DEFAULT_RETENTION_DAYS.prod : DEFAULT_RETENTION_DAYS.other;
  }
  const days = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(days) || !RETENTION_VALUES.has(days)) {
    errors.push(
      `context "${CONTEXT_KEYS.logRetentionDays}" must be one of CloudWatch's retention values ` +
        `(${[...RETENTION_VALUES].filter((d) => d > 0).join(', ')}), got ${JSON.stringify(raw)}`,
    );
    return DEFAULT_RETENTION_DAYS.other;
  }
  return days as RetentionDays;
}

/** Reads and checks the stage configuration; throws one error listing every problem found. */
/** An optional context value that must be an e-mail address (alarm recipient, SES sender). */
function optionalEmail(context: ContextReader, key: string, errors: string[]): string | undefined {
  const value = optionalString(context.tryGetContext(key), key, errors);
  if (value !== undefined && !EMAIL_PATTERN.test(value))
    errors.push(`context "${key}" is not an e-mail address: "${value}"`);
  return value;
}

export function readStageConfig(context: ContextReader): StageConfig {
  const errors: string[] = [];

  const stage = optionalString(context.tryGetContext(CONTEXT_KEYS.stage), CONTEXT_KEYS.stage, errors);
  if (stage === undefined) {
    errors.push(`context "${CONTEXT_KEYS.stage}" is required, e.g. -c stage=dev`);
  } else if (!STAGE_PATTERN.test(stage)) {
    // Short and alphanumeric: the stage ends up in stack, export and bucket names with length limits.
    errors.push(`context "${CONTEXT_KEYS.stage}" must match ${STAGE_PATTERN}, got "${stage}"`);
  }

  const alarmEmail = optionalEmail(context, CONTEXT_KEYS.alarmEmail, errors);

  const domain = optionalString(
    context.tryGetContext(CONTEXT_KEYS.domain),
    CONTEXT_KEYS.domain,
    errors,
  )?.toLowerCase();
  if (domain !== undefined && !DOMAIN_PATTERN.test(domain)) {
    errors.push(
      `context "${CONTEXT_KEYS.domain}" must be a host name like motcua.example.gov.vn, got "${domain}"`,
    );
  }

  const sesFromEmail = optionalEmail(context, CONTEXT_KEYS.sesFromEmail, errors);
  const sesRegion = optionalString(
    context.tryGetContext(CONTEXT_KEYS.sesRegion),
    CONTEXT_KEYS.sesRegion,
    errors,
  );

  const isProd = stage === 'prod';
  const logRetention = readRetention(context.tryGetContext(CONTEXT_KEYS.logRetentionDays), isProd, errors);

  const notify = readNotify(context, errors);
  const citizenIdentityProviders = readCitizenIdentityProviders(
    context.tryGetContext(CONTEXT_KEYS.citizenIdentityProviders),
    domain,
    errors,
  );

  if (errors.length > 0 || stage === undefined) {
    throw new Error(`Invalid stage configuration:\n  - ${errors.join('\n  - ')}`);
  }

  return {
    stage,
    prefix: `MotCua-${stage}`,
    isProd,
    alarmEmail,
    domain,
    allowedOrigins: domain === undefined ? ANY_ORIGIN : [`https://${domain}`],
    logRetention,
    logRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    personalDataKeyRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    notify,
    citizenIdentityProviders,
    ...(sesFromEmail !== undefined ? { sesFromEmail } : {}),
    ...(sesRegion !== undefined ? { sesRegion } : {}),
  };
}

function readNotify(context: ContextReader, errors: string[]): NotifyConfig {
  const read = (key: string) => optionalString(context.tryGetContext(key), key, errors);
  const identity = read(CONTEXT_KEYS.notifyEmailIdentity)?.toLowerCase();
  const isAddress = identity?.includes('@') ?? false;
  if (identity !== undefined && !(isAddress ? EMAIL_PATTERN : DOMAIN_PATTERN).test(identity))
    errors.push(
      `context "${CONTEXT_KEYS.notifyEmailIdentity}" must be a domain or an e-mail address, got "${identity}"`,
    );
  let from = read(CONTEXT_KEYS.notifyEmailFrom);
  if (from !== undefined && identity === undefined)
    errors.push(`context "${CONTEXT_KEYS.notifyEmailFrom}" needs "${CONTEXT_KEYS.notifyEmailIdentity}"`);
  if (identity !== undefined) {
    from ??= isAddress ? identity : `thongbao@${identity}`;
    // SES sends only from the identity itself (an address) or an address of it (a domain).
    const ok = isAddress ? from.toLowerCase() === identity : from.toLowerCase().endsWith(`@${identity}`);
    if (!EMAIL_PATTERN.test(from) || !ok)
      errors.push(
        `context "${CONTEXT_KEYS.notifyEmailFrom}" must be an address of ${identity}, got "${from}"`,
      );
  }
  const smsSenderId = read(CONTEXT_KEYS.notifySmsSenderId);
  if (smsSenderId !== undefined && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(smsSenderId))
    errors.push(
      `context "${CONTEXT_KEYS.notifySmsSenderId}" must be 1–11 letters or digits, got "${smsSenderId}"`,
    );
  return {
    emailIdentity: identity,
    emailFrom: identity === undefined ? undefined : from,
    configurationSet: read(CONTEXT_KEYS.notifySesConfigurationSet),
    smsSenderId,
  };
}

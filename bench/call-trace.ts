/**
 * Which DynamoDB calls do submit and track make, exactly? Instead of restating them by hand (and
 * drifting from the code), the bench runs the two use cases once in this process against the
 * bench's DynamoDB Local, with a middleware on the handlers' own DynamoDB client that records
 * every request body as it goes over the wire. raw-dynamodb.ts replays these bodies.
 *
 * The use cases, and for track the gates httpHandler (shared/platform/http.ts) puts before it: on
 * the warm path, the public client's fair-share bucket write (issued alongside the reads, as the
 * handler does); the suspension check answers from memory. Submit's gates are not traced (its
 * row compares the use case's calls only). No Idempotency-Key is sent, so idempotency adds none.
 */
import type { ReadyInfo } from '../infra/local/ready-line';
import { LOCAL_KMS_KEY_ARN } from '../infra/local/kms';
import { ENV } from '../shared/platform/env';

export interface TracedCall {
  /** SDK command name, e.g. `GetItemCommand`. */
  command: string;
  /** The request body DynamoDB received: for its JSON protocol, the low-level command input. */
  input: Record<string, unknown>;
}

export interface UseCaseTraces {
  submit: TracedCall[];
  track: TracedCall[];
  /** The dossier the traced submit created (and the traced track read). */
  dossierCode: string;
}

/** The offline cloud's credentials and region (infra/local/cloud.ts); DynamoDB Local takes any. */
export const LOCAL_REGION = 'ap-southeast-1';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/**
 * Fair-share limits of the clouds the load runs on (run.ts, warm-track.ts): never binding (a bucket
 * of 10^9 requests), but refilling (10/s) slower than the load comes, so every bucket stays in its
 * busy regime, as a real client's bucket is under a burst of concurrent requests: each write adds
 * one interval to the TAT, atomically, and concurrent writers never race. The tests' wide limits
 * (100,000/s, tests/integration/helpers/offline.ts) keep every bucket idle instead, so ten
 * concurrent requests of one client race for the idle write and about a third of them write twice:
 * an artefact of a refill faster than any load, not what a limited client meets.
 */
export const LOAD_FAIR_SHARE_LIMITS = JSON.stringify(
  Object.fromEntries(
    ['trial', 'standard', 'enterprise', 'publicClient'].map((name) => [
      name,
      { ratePerSecond: 10, burst: 1_000_000_000 },
    ]),
  ),
);

/** The address the load comes from: the gateway sees autocannon on loopback, one public client. */
export const TRACE_SOURCE_IP = '127.0.0.1';

/** The claims the gateway would put on the event, read from the token the READY line gave. */
function claimsOf(token: string): Record<string, string | string[]> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, string | string[]>;
}

/** `body` is the JSON the load sends; it is validated as httpHandler does before the use case sees it. */
export async function traceUseCases(
  cloud: ReadyInfo,
  username: string,
  body: unknown,
): Promise<UseCaseTraces> {
  // What the cloud sets for its handlers, before their modules load: the table name is read at import.
  Object.assign(process.env, {
    [ENV.tableName]: cloud.tableName,
    [ENV.bucketName]: cloud.bucketName,
    AWS_ENDPOINT_URL_DYNAMODB: cloud.endpoints.dynamodb,
    // Submit seals the applicant's personal data with the tenant's key (the local KMS).
    AWS_ENDPOINT_URL_KMS: cloud.endpoints.kms,
    [ENV.personalDataKeyId]: LOCAL_KMS_KEY_ARN,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // The load cloud's limits: the bucket's item and expressions as the load meets them.
    [ENV.fairShareLimits]: LOAD_FAIR_SHARE_LIMITS,
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  const token = cloud.tokens[username];
  if (!token) throw new Error(`the cloud issued no token for ${username}`);

  const [
    schemas,
    { getDynamoClient },
    { principalFromClaims },
    { submitDossier },
    { track },
    { trackDossierMeta },
    { requireServedTenant },
    { withFairShare },
  ] = await Promise.all([
    import('../shared/api/schemas/dossier'),
    import('../shared/platform/aws-clients'),
    import('../shared/platform/principal'),
    import('../shared/usecases/reception'),
    import('../shared/usecases/dossier-views'),
    import('../shared/api/route-meta/trackDossier'),
    import('../shared/platform/tenant-gate'),
    import('../shared/platform/fair-share-gate'),
  ]);
  const principal = principalFromClaims(claimsOf(token));
  if (!principal) throw new Error(`the token of ${username} carries no principal`);

  let calls: TracedCall[] = [];
  // At the build step the document client has marshalled the input and the serializer has
  // turned it into the HTTP request: its body is what DynamoDB Local receives.
  getDynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const body = (args.request as { body?: unknown }).body;
      // The SDK's JSON protocol hands over bytes (a Uint8Array subclass), older versions a string.
      const text =
        body instanceof Uint8Array
          ? new TextDecoder().decode(body)
          : typeof body === 'string'
            ? body
            : undefined;
      if (text === undefined)
        throw new Error(`cannot read the body of ${context.commandName ?? 'a DynamoDB call'}`);
      calls.push({ command: context.commandName ?? '?', input: JSON.parse(text) as Record<string, unknown> });
      return next(args);
    },
    { step: 'build', name: 'benchCallTrace' },
  );

  // As submit.ts does without an Idempotency-Key: the use case answers with the view.
  const { result: dossier } = await submitDossier(principal, schemas.submitDossier.parse(body));
  const submit = calls;
  // As track.ts does, through httpHandler's gates: the suspension check first outside the record
  // (it reads the tenant's registry item once per container and TTL, not per request: the warm path
  // does not make that call), then the public client's bucket write alongside the reads.
  const route = trackDossierMeta;
  const trackOnce = async () => {
    await requireServedTenant(route.access, dossier.tenant);
    await withFairShare(route, dossier.tenant, TRACE_SOURCE_IP, () => track(dossier.tenant, dossier.code));
  };
  // Once to warm the container (the registry read, the bucket's TAT), then the warm request.
  await trackOnce();
  calls = [];
  await trackOnce();
  // Its keep-alive sockets would hold this process open; nothing here uses the client again.
  getDynamoClient().destroy();
  return { submit, track: calls, dossierCode: dossier.code };
}

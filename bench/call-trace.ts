/**
 * Which DynamoDB calls do submit and track make, exactly? Instead of restating them by hand (and
 * drifting from the code), the bench runs the two use cases once in this process against the
 * bench's DynamoDB Local, with a middleware on the handlers' own DynamoDB client that records
 * every request body as it goes over the wire. raw-dynamodb.ts replays these bodies.
 *
 * The use cases, not the HTTP handlers: httpHandler (shared/platform/http.ts) adds no DynamoDB
 * call of its own unless an Idempotency-Key header is sent, and the load sends none.
 */
import type { ReadyInfo } from '../infra/local/ready-line';
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
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  delete process.env.AWS_SESSION_TOKEN;
  const token = cloud.tokens[username];
  if (!token) throw new Error(`the cloud issued no token for ${username}`);

  const [schemas, { getDynamoClient }, { principalFromClaims }, { submitDossier }, { track }] =
    await Promise.all([
      import('../shared/api/schemas/dossier'),
      import('../shared/platform/aws-clients'),
      import('../shared/platform/principal'),
      import('../shared/usecases/reception'),
      import('../shared/usecases/dossier-views'),
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
  calls = [];
  // As track.ts does.
  await track(dossier.tenant, dossier.code);
  // Its keep-alive sockets would hold this process open; nothing here uses the client again.
  getDynamoClient().destroy();
  return { submit, track: calls, dossierCode: dossier.code };
}

/**
 * The local stand-in for Cognito's app clients of agencies' systems: the three calls the
 * registration use case makes (CreateUserPoolClient, DescribeUserPoolClient, DeleteUserPoolClient)
 * in Cognito's own wire protocol (AWS JSON 1.1, `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>`), so the same SDK code runs against it through
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER. Clients are kept in a JSON file under the data dir:
 * a client registered before a restart still gets tokens after it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HttpReply } from './api-response';

/** The one local user pool (Cognito's id shape: `<region>_<id>`). */
export const LOCAL_USER_POOL_ID = 'ap-southeast-1_motcualocal';
/** Where the gateway serves the Cognito API: the handlers' AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER. */
export const COGNITO_PATH = '/_local/cognito-idp';

export interface LocalAppClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  allowedScopes: string[];
  allowedFlows: string[];
  createdAt: string;
}

export interface LocalAppClients {
  /** The client whose id and secret these are; undefined when either is wrong (compared in constant time). */
  authenticate(clientId: string, clientSecret: string): LocalAppClient | undefined;
  /** Answers one AWS JSON 1.1 call. */
  handle(target: string | undefined, body: Buffer): Promise<HttpReply>;
}

export async function openLocalAppClients(dir: string): Promise<LocalAppClients> {
  const file = path.join(dir, 'app-clients.json');
  const clients = new Map<string, LocalAppClient>((await readClients(file)).map((c) => [c.clientId, c]));
  // Writes one after another, each write-then-rename: a crash never leaves half a file.
  let saving = Promise.resolve();
  const save = () => {
    saving = saving.then(async () => {
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify([...clients.values()], null, 2), { mode: 0o600 });
      await rename(temp, file);
    });
    return saving;
  };

  const operations: Record<string, (input: Record<string, unknown>) => Promise<HttpReply>> = {
    CreateUserPoolClient: async (input) => {
      const poolError = checkPool(input);
      if (poolError) return poolError;
      const client: LocalAppClient = {
        // Cognito's shape: 26 lowercase letters and digits.
        clientId: randomBytes(16).toString('hex').slice(0, 26),
        clientSecret: randomBytes(32).toString('base64url'),
        clientName: String(input.ClientName ?? ''),
        allowedScopes: stringList(input.AllowedOAuthScopes),
        allowedFlows: stringList(input.AllowedOAuthFlows),
        createdAt: new Date().toISOString(),
      };
      clients.set(client.clientId, client);
      await save();
      return awsJson(200, { UserPoolClient: describe(client) });
    },
    DescribeUserPoolClient: async (input) => {
      const poolError = checkPool(input);
      if (poolError) return poolError;
      const client = clients.get(String(input.ClientId));
      return client ? awsJson(200, { UserPoolClient: describe(client) }) : notFound(String(input.ClientId));
    },
    DeleteUserPoolClient: async (input) => {
      const poolError = checkPool(input);
      if (poolError) return poolError;
      if (!clients.delete(String(input.ClientId))) return notFound(String(input.ClientId));
      await save();
      return awsJson(200, {});
    },
  };

  return {
    authenticate: (clientId, clientSecret) => {
      const client = clients.get(clientId);
      if (!client) return undefined;
      const a = Buffer.from(client.clientSecret);
      const b = Buffer.from(clientSecret);
      return a.length === b.length && timingSafeEqual(a, b) ? client : undefined;
    },
    handle: async (target, body) => {
      const operation = target?.replace(/^AWSCognitoIdentityProviderService\./, '') ?? '';
      const run = operations[operation];
      if (!run) return awsError(400, 'UnknownOperationException', `Not served offline: ${target}`);
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return awsError(400, 'SerializationException', 'Body must be JSON');
      }
      return run(input);
    },
  };
}

function checkPool(input: Record<string, unknown>): HttpReply | undefined {
  return input.UserPoolId === LOCAL_USER_POOL_ID
    ? undefined
    : awsError(400, 'ResourceNotFoundException', `User pool ${String(input.UserPoolId)} does not exist.`);
}

const notFound = (clientId: string) =>
  awsError(400, 'ResourceNotFoundException', `User pool client ${clientId} does not exist.`);

function describe(client: LocalAppClient) {
  return {
    UserPoolId: LOCAL_USER_POOL_ID,
    ClientId: client.clientId,
    ClientSecret: client.clientSecret,
    ClientName: client.clientName,
    AllowedOAuthFlows: client.allowedFlows,
    AllowedOAuthScopes: client.allowedScopes,
    AllowedOAuthFlowsUserPoolClient: true,
    CreationDate: Date.parse(client.createdAt) / 1000,
  };
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function awsJson(statusCode: number, value: unknown): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** AWS JSON 1.1 errors: `__type` names the exception the SDK throws. */
const awsError = (statusCode: number, type: string, message: string) =>
  awsJson(statusCode, { __type: type, message });

async function readClients(file: string): Promise<LocalAppClient[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalAppClient[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

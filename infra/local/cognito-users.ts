/**
 * The local stand-in for Cognito's users: the admin calls the staff use cases make
 * (AdminCreateUser, AdminGetUser, AdminUpdateUserAttributes, AdminDisableUser, AdminEnableUser,
 * AdminSetUserPassword, AdminDeleteUser) and the command-line sign-in (InitiateAuth with USER_PASSWORD_AUTH,
 * RespondToAuthChallenge for NEW_PASSWORD_REQUIRED), in Cognito's wire protocol, served next to
 * the app-client calls at `/_local/cognito-idp`. The store is a JSON file under the data dir
 * (`cognito/users.json`): users made before a restart still sign in after it. Passwords are kept
 * as scrypt hashes. Invitations Cognito would e-mail are appended to `cognito/invitations.log`.
 *
 * ID tokens are signed by the local issuer with the same claims the demo tokens always had: the
 * subject derived from tenant and username (identities.ts), so a user's dossiers stay theirs.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLAIMS } from '../../shared/platform/claims';
import type { HttpReply } from './api-response';
import { LOCAL_USER_POOL_ID } from './cognito-clients';
import { stableSubject } from './identities';
import { TOKEN_LIFETIME_SECONDS, type TokenIdentity } from './jwt-issuer';

/** The app client `npm run token` signs in with offline (USER_PASSWORD_AUTH allowed on it only). */
export const LOCAL_CLI_CLIENT_ID = 'mot-cua-local-cli';

interface StoredUser {
  username: string;
  attributes: Record<string, string>;
  /** `salt:hash`, scrypt. */
  password: string;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  enabled: boolean;
  createdAt: string;
}

export interface LocalUsers {
  /** Whether this store answers the operation named by `X-Amz-Target`. */
  serves(target: string | undefined): boolean;
  handle(target: string | undefined, body: Buffer): Promise<HttpReply>;
  /** The claims a token of this user carries; undefined for an unknown or disabled user. */
  identity(username: string): TokenIdentity | undefined;
}

const IMMUTABLE = new Set([CLAIMS.tenant]);

export async function openLocalUsers(
  dir: string,
  issueToken: (identity: TokenIdentity) => Promise<string>,
): Promise<LocalUsers> {
  const file = path.join(dir, 'users.json');
  const users = new Map<string, StoredUser>((await readUsers(file)).map((u) => [u.username, u]));
  const sessions = new Map<string, string>();
  let saving = Promise.resolve();
  const save = () => {
    saving = saving.then(async () => {
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify([...users.values()], null, 2), { mode: 0o600 });
      await rename(temp, file);
    });
    return saving;
  };
  const identity = (user: StoredUser): TokenIdentity => {
    const tenant = user.attributes[CLAIMS.tenant] ?? '';
    return {
      sub: stableSubject(tenant, `staff:${user.username}`),
      username: user.username,
      name: user.attributes[CLAIMS.name] ?? user.username,
      tenant,
      agency: user.attributes[CLAIMS.agency] || undefined,
      roles: (user.attributes[CLAIMS.roles] ?? '').split(',').filter(Boolean),
    };
  };
  const signedIn = async (user: StoredUser): Promise<HttpReply> => {
    const token = await issueToken(identity(user));
    return awsJson(200, {
      AuthenticationResult: { IdToken: token, ExpiresIn: TOKEN_LIFETIME_SECONDS, TokenType: 'Bearer' },
      ChallengeParameters: {},
    });
  };
  const find = (input: Record<string, unknown>) => users.get(String(input.Username ?? ''));

  const admin: Record<string, (input: Record<string, unknown>) => Promise<HttpReply>> = {
    AdminCreateUser: async (input) => {
      const username = String(input.Username ?? '');
      if (users.has(username)) return awsError('UsernameExistsException', 'User account already exists');
      const temporary = String(input.TemporaryPassword ?? randomBytes(12).toString('base64url'));
      const user: StoredUser = {
        username,
        attributes: attributesOf(input.UserAttributes),
        password: hash(temporary),
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        createdAt: new Date().toISOString(),
      };
      users.set(username, user);
      await save();
      if (input.MessageAction !== 'SUPPRESS') {
        // The e-mail Cognito would send, as a line a developer can read.
        await appendFile(
          path.join(dir, 'invitations.log'),
          `${JSON.stringify({ at: user.createdAt, to: user.attributes.email, username, temporaryPassword: temporary })}\n`,
          { mode: 0o600 },
        );
      }
      return awsJson(200, { User: describe(user) });
    },
    AdminGetUser: async (input) => {
      const user = find(input);
      if (!user) return userNotFound();
      return awsJson(200, {
        Username: user.username,
        UserAttributes: describe(user).Attributes,
        Enabled: user.enabled,
        UserStatus: user.status,
      });
    },
    AdminUpdateUserAttributes: async (input) => {
      const user = find(input);
      if (!user) return userNotFound();
      const change = attributesOf(input.UserAttributes);
      const immutable = Object.keys(change).find((k) => IMMUTABLE.has(k as typeof CLAIMS.tenant));
      if (immutable) return awsError('InvalidParameterException', `Cannot modify ${immutable}`);
      Object.assign(user.attributes, change);
      await save();
      return awsJson(200, {});
    },
    AdminDisableUser: async (input) => setEnabled(input, false),
    AdminDeleteUser: async (input) => {
      const user = find(input);
      if (!user) return userNotFound();
      users.delete(user.username);
      await save();
      return awsJson(200, {});
    },
    AdminEnableUser: async (input) => setEnabled(input, true),
    AdminSetUserPassword: async (input) => {
      const user = find(input);
      if (!user) return userNotFound();
      const password = String(input.Password ?? '');
      if (!meetsPolicy(password)) return invalidPassword();
      user.password = hash(password);
      user.status = input.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
      await save();
      return awsJson(200, {});
    },
  };
  const setEnabled = async (input: Record<string, unknown>, enabled: boolean) => {
    const user = find(input);
    if (!user) return userNotFound();
    user.enabled = enabled;
    await save();
    return awsJson(200, {});
  };

  // Sign-in calls carry a client id, not a pool id (no AWS credentials needed).
  const signIn: Record<string, (input: Record<string, unknown>) => Promise<HttpReply>> = {
    InitiateAuth: async (input) => {
      if (input.AuthFlow !== 'USER_PASSWORD_AUTH')
        return awsError(
          'InvalidParameterException',
          `Auth flow ${String(input.AuthFlow)} is not enabled for this client offline`,
        );
      const params = (input.AuthParameters ?? {}) as Record<string, unknown>;
      const user = users.get(String(params.USERNAME ?? ''));
      // One answer for an unknown user and a wrong password, as with preventUserExistenceErrors.
      if (!user || !verify(String(params.PASSWORD ?? ''), user.password))
        return awsError('NotAuthorizedException', 'Incorrect username or password.');
      if (!user.enabled) return awsError('NotAuthorizedException', 'User is disabled.');
      if (user.status === 'FORCE_CHANGE_PASSWORD') {
        const session = randomBytes(24).toString('base64url');
        sessions.set(session, user.username);
        return awsJson(200, {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]' },
        });
      }
      return signedIn(user);
    },
    RespondToAuthChallenge: async (input) => {
      const responses = (input.ChallengeResponses ?? {}) as Record<string, unknown>;
      const username = sessions.get(String(input.Session ?? ''));
      const user = username === undefined ? undefined : users.get(username);
      if (input.ChallengeName !== 'NEW_PASSWORD_REQUIRED' || !user || responses.USERNAME !== user.username)
        return awsError('NotAuthorizedException', 'Invalid session for the user.');
      const password = String(responses.NEW_PASSWORD ?? '');
      if (!meetsPolicy(password)) return invalidPassword();
      sessions.delete(String(input.Session));
      user.password = hash(password);
      user.status = 'CONFIRMED';
      await save();
      return signedIn(user);
    },
  };

  return {
    serves: (target) => operationOf(target) in admin || operationOf(target) in signIn,
    handle: async (target, body) => {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return awsError('SerializationException', 'Body must be JSON');
      }
      const operation = operationOf(target);
      const adminCall = admin[operation];
      if (adminCall) {
        if (input.UserPoolId !== LOCAL_USER_POOL_ID)
          return awsError(
            'ResourceNotFoundException',
            `User pool ${String(input.UserPoolId)} does not exist.`,
          );
        return adminCall(input);
      }
      if (input.ClientId !== LOCAL_CLI_CLIENT_ID)
        return awsError(
          'ResourceNotFoundException',
          `User pool client ${String(input.ClientId)} does not exist.`,
        );
      return (signIn[operation] as (i: Record<string, unknown>) => Promise<HttpReply>)(input);
    },
    identity: (username) => {
      const user = users.get(username);
      return user && user.enabled ? identity(user) : undefined;
    },
  };
}

const operationOf = (target: string | undefined) =>
  target?.replace(/^AWSCognitoIdentityProviderService\./, '') ?? '';

function attributesOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value))
    for (const a of value as Array<{ Name?: unknown; Value?: unknown }>)
      if (typeof a.Name === 'string' && typeof a.Value === 'string') out[a.Name] = a.Value;
  return out;
}

function describe(user: StoredUser) {
  return {
    Username: user.username,
    Attributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    Enabled: user.enabled,
    UserStatus: user.status,
    UserCreateDate: Date.parse(user.createdAt) / 1000,
  };
}

/** The pool's policy (infra/stacks/auth-stack.ts): 12+ characters, upper, lower, digit, symbol. */
export const meetsPolicy = (p: string): boolean =>
  p.length >= 12 && /[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p) && /[^A-Za-z0-9]/.test(p);

function hash(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}:${scryptSync(password, salt, 32).toString('base64')}`;
}

function verify(password: string, stored: string): boolean {
  const [salt, expected] = stored.split(':');
  if (!salt || !expected) return false;
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), 32);
  const wanted = Buffer.from(expected, 'base64');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

function awsJson(statusCode: number, value: unknown): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: Buffer.from(JSON.stringify(value)),
  };
}
const awsError = (type: string, message: string) => awsJson(400, { __type: type, message });
const userNotFound = () => awsError('UserNotFoundException', 'User does not exist.');
const invalidPassword = () =>
  awsError(
    'InvalidPasswordException',
    'Password does not conform to policy: 12+ characters, upper, lower, digit, symbol',
  );

async function readUsers(file: string): Promise<StoredUser[]> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredUser[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

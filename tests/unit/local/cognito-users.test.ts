import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_USER_POOL_ID } from '../../../infra/local/cognito-clients';
import { LOCAL_CLI_CLIENT_ID, openLocalUsers, type LocalUsers } from '../../../infra/local/cognito-users';
import { stableSubject } from '../../../infra/local/identities';
import type { TokenIdentity } from '../../../infra/local/jwt-issuer';

const T = 'AWSCognitoIdentityProviderService.';
let dir: string;
let users: LocalUsers;
const issued: TokenIdentity[] = [];

async function call(operation: string, input: Record<string, unknown>) {
  const reply = await users.handle(`${T}${operation}`, Buffer.from(JSON.stringify(input)));
  return { status: reply.statusCode, body: JSON.parse(reply.body.toString('utf8')) };
}
const admin = (operation: string, input: Record<string, unknown>) =>
  call(operation, { UserPoolId: LOCAL_USER_POOL_ID, ...input });
const signIn = (username: string, password: string) =>
  call('InitiateAuth', {
    ClientId: LOCAL_CLI_CLIENT_ID,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'motcua-users-'));
  users = await openLocalUsers(dir, async (identity) => {
    issued.push(identity);
    return `token-for-${identity.username}`;
  });
  const created = await admin('AdminCreateUser', {
    Username: 'h98.tiepnhan',
    TemporaryPassword: 'Tam@ThoiMatKhau1',
    UserAttributes: [
      { Name: 'email', Value: 'tn@h98.example.vn' },
      { Name: 'name', Value: 'Lê Thị Tiếp' },
      { Name: 'custom:tenant', Value: 'h98' },
      { Name: 'custom:agency', Value: '000.00.01.H98' },
      { Name: 'custom:roles', Value: 'reception,clerk' },
    ],
  });
  expect(created.status).toBe(200);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local Cognito users (offline stand-in)', () => {
  it('refuses a second user of the same name, in any tenant', async () => {
    const again = await admin('AdminCreateUser', { Username: 'h98.tiepnhan', UserAttributes: [] });
    expect(again.body.__type).toBe('UsernameExistsException');
  });

  it('asks an invited user for a new password, then signs them in with the token claims of the demo', async () => {
    const first = await signIn('h98.tiepnhan', 'Tam@ThoiMatKhau1');
    expect(first.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const weak = await call('RespondToAuthChallenge', {
      ClientId: LOCAL_CLI_CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.body.Session,
      ChallengeResponses: { USERNAME: 'h98.tiepnhan', NEW_PASSWORD: 'short' },
    });
    expect(weak.body.__type).toBe('InvalidPasswordException');
    const answered = await call('RespondToAuthChallenge', {
      ClientId: LOCAL_CLI_CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.body.Session,
      ChallengeResponses: { USERNAME: 'h98.tiepnhan', NEW_PASSWORD: 'Moi@MatKhau2026' },
    });
    expect(answered.body.AuthenticationResult.IdToken).toBe('token-for-h98.tiepnhan');
    expect(issued.at(-1)).toEqual({
      sub: stableSubject('h98', 'staff:h98.tiepnhan'),
      username: 'h98.tiepnhan',
      name: 'Lê Thị Tiếp',
      tenant: 'h98',
      agency: '000.00.01.H98',
      roles: ['reception', 'clerk'],
    });
    expect((await signIn('h98.tiepnhan', 'Moi@MatKhau2026')).body.AuthenticationResult).toBeDefined();
  });

  it('answers a wrong password and an unknown user alike, and refuses a disabled user', async () => {
    expect((await signIn('h98.tiepnhan', 'Sai@MatKhau2026')).body.__type).toBe('NotAuthorizedException');
    expect((await signIn('nobody', 'Sai@MatKhau2026')).body.__type).toBe('NotAuthorizedException');
    await admin('AdminDisableUser', { Username: 'h98.tiepnhan' });
    expect((await signIn('h98.tiepnhan', 'Moi@MatKhau2026')).body.message).toMatch(/disabled/);
    expect(users.identity('h98.tiepnhan')).toBeUndefined();
    await admin('AdminEnableUser', { Username: 'h98.tiepnhan' });
    expect(users.identity('h98.tiepnhan')?.tenant).toBe('h98');
  });

  it('changes agency and roles but never the tenant, which is immutable as in the pool', async () => {
    const moved = await admin('AdminUpdateUserAttributes', {
      Username: 'h98.tiepnhan',
      UserAttributes: [{ Name: 'custom:roles', Value: 'reception' }],
    });
    expect(moved.status).toBe(200);
    expect(users.identity('h98.tiepnhan')?.roles).toEqual(['reception']);
    const hijack = await admin('AdminUpdateUserAttributes', {
      Username: 'h98.tiepnhan',
      UserAttributes: [{ Name: 'custom:tenant', Value: 'demo' }],
    });
    expect(hijack.body.__type).toBe('InvalidParameterException');
  });

  it('serves only its pool and its CLI client, and keeps users and invitations on disk', async () => {
    const otherPool = await call('AdminGetUser', {
      UserPoolId: 'ap-southeast-1_other',
      Username: 'h98.tiepnhan',
    });
    expect(otherPool.body.__type).toBe('ResourceNotFoundException');
    const webClient = await call('InitiateAuth', {
      ClientId: 'mot-cua-local-web',
      AuthFlow: 'USER_PASSWORD_AUTH',
    });
    expect(webClient.body.__type).toBe('ResourceNotFoundException');
    const stored = JSON.parse(await readFile(path.join(dir, 'users.json'), 'utf8'));
    expect(stored[0].password).not.toContain('MatKhau');
    const invitations = await readFile(path.join(dir, 'invitations.log'), 'utf8');
    expect(invitations).toContain('h98.tiepnhan');
    const reopened = await openLocalUsers(dir, async () => 'x');
    expect(reopened.identity('h98.tiepnhan')?.agency).toBe('000.00.01.H98');
  });
});

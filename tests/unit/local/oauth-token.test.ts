import { tokenEndpoint, type AccessTokenRequest } from '../../../infra/local/oauth-token';
import type { LocalAppClient } from '../../../infra/local/cognito-clients';
import { agencyClientClaims } from '../../../shared/platform/agency-client-claims';
import { AGENCY_AUDIENCE, AGENCY_SCOPES } from '../../../shared/platform/claims';

const client: LocalAppClient = {
  clientId: 'taxsystem0000000000000001',
  clientSecret: 's3cret+/=',
  clientName: 'demo:000.10.20.H99:thuế',
  allowedScopes: [AGENCY_SCOPES.read, AGENCY_SCOPES.act],
  allowedFlows: ['client_credentials'],
  createdAt: '2026-12-01T00:00:00.000Z',
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function setup(registered = true) {
  const issued: AccessTokenRequest[] = [];
  const deps = {
    clients: {
      authenticate: (id: string, secret: string) =>
        id === client.clientId && secret === client.clientSecret ? client : undefined,
    },
    issueAccessToken: async (request: AccessTokenRequest) => {
      issued.push(request);
      return 'signed.token';
    },
    lookup: async (id: string) =>
      registered && id === client.clientId ? { tenant: 'demo', agency: '000.10.20.H99' } : undefined,
  };
  const call = async (form: Record<string, string>, headers: Record<string, string> = {}) => {
    const reply = await tokenEndpoint(
      { ...FORM, ...headers },
      Buffer.from(new URLSearchParams(form).toString()),
      deps,
    );
    return { status: reply.statusCode, headers: reply.headers, body: JSON.parse(reply.body.toString()) };
  };
  return { call, issued };
}

describe('local issuer /oauth2/token (client credentials)', () => {
  it('issues a token with the registry claims for HTTP Basic (form-encoded id and secret)', async () => {
    const { call, issued } = setup();
    const res = await call(
      { grant_type: 'client_credentials' },
      { authorization: basic(client.clientId, client.clientSecret) },
    );
    expect(res).toMatchObject({
      status: 200,
      body: { access_token: 'signed.token', token_type: 'Bearer', expires_in: 3600 },
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(issued).toEqual([
      {
        clientId: client.clientId,
        scopes: client.allowedScopes,
        claims: agencyClientClaims({ tenant: 'demo', agency: '000.10.20.H99' }),
        lifetimeSeconds: 3600,
      },
    ]);
  });

  it('takes the credentials as form fields too, and narrows to the scope asked for', async () => {
    const { call, issued } = setup();
    const res = await call({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: AGENCY_SCOPES.read,
    });
    expect(res.status).toBe(200);
    expect(issued[0]?.scopes).toEqual([AGENCY_SCOPES.read]);
  });

  it.each([
    ['a wrong secret', { client_id: client.clientId, client_secret: 'sai' }],
    ['an unknown client', { client_id: 'nobody', client_secret: client.clientSecret }],
    ['no client authentication', {}],
  ])('answers 401 invalid_client with a Basic challenge for %s', async (_, credentials) => {
    const { call, issued } = setup();
    const res = await call({ grant_type: 'client_credentials', ...credentials });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    expect(issued).toEqual([]);
  });

  it('answers 401 invalid_client for a client that has no registry item (revoked or half-made)', async () => {
    const { call, issued } = setup(false);
    const res = await call({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(issued).toEqual([]);
  });

  it.each([
    ['another grant', { grant_type: 'password' }, 'unsupported_grant_type'],
    ['no grant_type', {}, 'invalid_request'],
    [
      'a scope it was not given',
      { grant_type: 'client_credentials', scope: 'motcua/admin' },
      'invalid_scope',
    ],
    ['an empty scope', { grant_type: 'client_credentials', scope: ' ' }, 'invalid_scope'],
  ])('answers 400 for %s', async (_, form, error) => {
    const { call, issued } = setup();
    const res = await call({ ...form, client_id: client.clientId, client_secret: client.clientSecret });
    expect(res).toMatchObject({ status: 400, body: { error } });
    expect(issued).toEqual([]);
  });

  it('refuses two authentication methods at once and a body that is not a form: 400 invalid_request', async () => {
    const { call } = setup();
    const both = await call(
      { grant_type: 'client_credentials', client_secret: client.clientSecret },
      { authorization: basic(client.clientId, client.clientSecret) },
    );
    expect(both).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const json = await call({ grant_type: 'client_credentials' }, { 'content-type': 'application/json' });
    expect(json).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});

describe('platform agencyClientClaims (registry item → token claims, both issuers)', () => {
  it('gives the tenant and agency under the ID-token claim names, the agencySystem role and the agency audience', () => {
    expect(agencyClientClaims({ tenant: 'demo', agency: '000.10.20.H99' })).toEqual({
      'custom:tenant': 'demo',
      'custom:agency': '000.10.20.H99',
      'custom:roles': 'agencySystem',
      aud: AGENCY_AUDIENCE,
    });
  });
});

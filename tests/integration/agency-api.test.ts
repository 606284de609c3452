/**
 * Issue 9 §6 through HTTP on the shared cloud: a tenant admin registers an agency's system, which
 * gets a client-credentials token from the local issuer's `/oauth2/token` and completes the tax
 * step of a land transfer with it; systems of another agency or tenant see nothing of it.
 */
import { decodeJwt, SignJWT, generateKeyPair } from 'jose';
import { api, type ApiResponse } from './helpers/api';
import { acceptedLandTransfer } from './helpers/dossiers';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';
import { AGENCY_SCOPES } from '../../shared/platform/claims';

const TAX = '000.10.20.H99';
const JUSTICE = '000.05.20.H99';
const TOKEN_PATH = '/_local/oauth2/token';

interface Registered {
  clientId: string;
  clientSecret: string;
  agency: string;
  scopes: string[];
}

async function register(agency: string, key: string, scopes?: string[]): Promise<Registered> {
  const res = await api.post('/v1/admin/agency-clients', {
    as: 'quantri',
    idempotencyKey: key,
    body: { agency, name: `Hệ thống thuế kiểm thử ${key}`, ...(scopes ? { scopes } : {}) },
  });
  if (res.status !== 201) throw new Error(`register ${agency}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Registered;
}

function tokenRequest(form: Record<string, string>, basic?: { id: string; secret: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`;
  return api.post(TOKEN_PATH, { headers, rawBody: new URLSearchParams(form).toString() });
}

async function tokenOf(client: Registered, scope?: string): Promise<string> {
  const res = await tokenRequest(
    { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
    { id: client.clientId, secret: client.clientSecret },
  );
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
  return res.body.access_token as string;
}

async function actAs(token: string, code: string, action: Record<string, unknown>): Promise<ApiResponse> {
  const current = await api.get(`/v1/dossiers/${code}`, { token });
  expect(current.status).toBe(200);
  return api.post(`/v1/dossiers/${code}/actions`, {
    token,
    body: { ...action, expectedVersion: current.body.version },
  });
}

const queueCodes = async (token: string, query = '') => {
  const res = await api.get(`/v1/work-queue${query}`, { token });
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ code: string }>).map((i) => i.code);
};

let code: string;
let startedAt: string;
let tax: Registered;
let taxToken: string;

beforeAll(async () => {
  // Staff bring the demo land transfer to the tax step: commune counter → land office → tax office.
  startedAt = new Date(Date.now() - 1000).toISOString().replace('Z', '+00:00');
  ({ code } = await acceptedLandTransfer());
  for (const user of ['tiepnhan.binhthanh', 'chuyenvien.datdai']) {
    const current = await api.get(`/v1/dossiers/${code}`, { as: user });
    const res = await api.post(`/v1/dossiers/${code}/actions`, {
      as: user,
      body: { action: 'forward', expectedVersion: current.body.version },
    });
    expect(res.status).toBe(200);
  }
  tax = await register(TAX, `agency-api-tax-${Date.now()}`);
  taxToken = await tokenOf(tax);
}, 60_000);

describe('an agency system with a client-credentials token', () => {
  it('was registered with a secret shown once, and a retry with the same Idempotency-Key answers the same client', async () => {
    expect(tax).toMatchObject({ agency: TAX, scopes: [AGENCY_SCOPES.read, AGENCY_SCOPES.act] });
    const key = `agency-api-retry-${Date.now()}`;
    const first = await register(TAX, key);
    const again = await register(TAX, key);
    expect(again).toEqual(first);
    expect(first.clientId).not.toBe(tax.clientId);
  });

  it("is listed for the tenant's admins, without its secret, a page at a time", async () => {
    const seen: Array<Record<string, unknown>> = [];
    let cursor: string | undefined;
    do {
      const res = await api.get(`/v1/admin/agency-clients?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        as: 'quantri',
      });
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toContainEqual(expect.objectContaining({ clientId: tax.clientId, agency: TAX }));
    expect(seen.every((c) => !('clientSecret' in c))).toBe(true);
    expect((await api.get('/v1/admin/agency-clients', { token: taxToken })).status).toBe(403);
  });

  it('gets a token that names its client, tenant and agency', () => {
    const claims = decodeJwt(taxToken);
    expect(claims).toMatchObject({
      token_use: 'access',
      client_id: tax.clientId,
      sub: tax.clientId,
      'custom:tenant': 'demo',
      'custom:agency': TAX,
      scope: `${AGENCY_SCOPES.read} ${AGENCY_SCOPES.act}`,
    });
    expect(claims.username).toBeUndefined();
  });

  it('lists, fetches with attachments and completes the tax step; the history names the client', async () => {
    expect(await queueCodes(taxToken)).toContain(code);
    const dossier = await api.get(`/v1/dossiers/${code}`, { token: taxToken });
    expect(dossier.status).toBe(200);
    expect(dossier.body.steps[dossier.body.currentStep]).toMatchObject({ agency: TAX });
    // Filters of the list: by status, and by last change (what an agency system polls with).
    const status = dossier.body.status as string;
    expect(await queueCodes(taxToken, `?status=${status}`)).toContain(code);
    expect(
      await queueCodes(taxToken, `?status=${status === 'paused' ? 'inProgress' : 'paused'}`),
    ).not.toContain(code);
    expect(await queueCodes(taxToken, `?updatedSince=${encodeURIComponent(startedAt)}`)).toContain(code);
    expect(await queueCodes(taxToken, '?updatedSince=2100-01-01T00:00:00%2B07:00')).toEqual([]);
    const attachments = await api.get(`/v1/dossiers/${code}/attachments`, { token: taxToken });
    expect(attachments.status).toBe(200);
    expect(Array.isArray(attachments.body.items)).toBe(true);

    const done = await actAs(taxToken, code, { action: 'forward', note: 'Đã xác định nghĩa vụ tài chính' });
    expect(done.status).toBe(200);
    expect(done.body.steps[done.body.currentStep].agency).toBe('000.08.21.H99');
    expect(await queueCodes(taxToken)).not.toContain(code);

    const sheet = await api.get(`/v1/dossiers/${code}/history`, { as: 'lanhdao.datdai' });
    const handoff = sheet.body.lines.filter((l: { agency: string }) => l.agency === TAX).at(-1);
    expect(handoff).toMatchObject({ event: 'forwarded', actor: tax.clientId });
  });

  it('is refused what only staff do (reception decisions, admin routes): 403', async () => {
    const decision = await api.post(`/v1/dossiers/${code}/reception-decision`, {
      token: taxToken,
      body: { outcome: 'accept', expectedVersion: 1 },
    });
    expect(decision.status).toBe(403);
    const admin = await api.post('/v1/admin/agency-clients', {
      token: taxToken,
      body: { agency: TAX, name: 'tự cấp / self-made' },
    });
    expect(admin.status).toBe(403);
  });

  it('with only the read scope reads but may not act: 403', async () => {
    const reader = await register(TAX, `agency-api-reader-${Date.now()}`, [AGENCY_SCOPES.read]);
    const token = await tokenOf(reader);
    expect((await api.get(`/v1/dossiers/${code}`, { token })).status).toBe(200);
    const res = await actAs(token, code, { action: 'forward' });
    expect(res.status).toBe(403);
    // Asking for a scope it was not given is refused by the token endpoint.
    const wider = await tokenRequest(
      { grant_type: 'client_credentials', scope: AGENCY_SCOPES.act },
      { id: reader.clientId, secret: reader.clientSecret },
    );
    expect(wider.status).toBe(400);
    expect(wider.body.error).toBe('invalid_scope');
  });
});

describe('systems that may not see the dossier', () => {
  it('of another agency: an empty list and 403/404 on the dossier', async () => {
    const justice = await register(JUSTICE, `agency-api-justice-${Date.now()}`);
    const token = await tokenOf(justice);
    expect(await queueCodes(token)).toEqual([]);
    expect([403, 404]).toContain((await api.get(`/v1/dossiers/${code}`, { token })).status);
    expect([403, 404]).toContain((await api.get(`/v1/dossiers/${code}/attachments`, { token })).status);
  });

  it('of another tenant (a token the local issuer signs for tenant H98): nothing', async () => {
    const token = await signWithIssuerKey(
      claimsLike(taxToken, { 'custom:tenant': 'H98', client_id: 'h98client', sub: 'h98client' }),
    );
    // The demo cloud has no tenant H98: its queue is not found (404), and never holds demo's dossiers.
    const queue = await api.get('/v1/work-queue', { token });
    expect(queue.status).toBe(404);
    expect([403, 404]).toContain((await api.get(`/v1/dossiers/${code}`, { token })).status);
    const version = (await api.get(`/v1/dossiers/${code}`, { as: 'lanhdao.datdai' })).body.version;
    const res = await api.post(`/v1/dossiers/${code}/actions`, {
      token,
      body: { action: 'forward', expectedVersion: version },
    });
    expect([403, 404]).toContain(res.status);
  });
});

describe('revoking an agency system', () => {
  it('leaves it no way to get a token (the registry and the app client are gone); a second revoke is 404', async () => {
    const doomed = await register(TAX, `agency-api-revoke-${Date.now()}`);
    await tokenOf(doomed);
    const revoked = await api.delete(`/v1/admin/agency-clients/${doomed.clientId}`, { as: 'quantri' });
    expect(revoked.status).toBe(204);
    const res = await tokenRequest(
      { grant_type: 'client_credentials' },
      { id: doomed.clientId, secret: doomed.clientSecret },
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    const again = await api.delete(`/v1/admin/agency-clients/${doomed.clientId}`, { as: 'quantri' });
    expect(again.status).toBe(404);
  });

  it('is for tenant admins only: 403 for staff', async () => {
    const res = await api.delete(`/v1/admin/agency-clients/${tax.clientId}`, { as: 'chuyenvien.thue' });
    expect(res.status).toBe(403);
  });
});

describe('tokens that are not accepted', () => {
  it('a wrong secret gets no token: 401 invalid_client', async () => {
    const res = await tokenRequest({ grant_type: 'client_credentials' }, { id: tax.clientId, secret: 'sai' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('an expired token, one signed by another key, and a user-shaped access token: 401', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await signWithIssuerKey(claimsLike(taxToken, { iat: past, exp: past + 3600 }));
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(taxToken))
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey);
    const userShaped = await signWithIssuerKey(claimsLike(taxToken, { username: 'chuyenvien.thue' }));
    for (const token of [expired, forged, userShaped]) {
      expect((await api.get('/v1/work-queue', { token })).status).toBe(401);
    }
  });
});

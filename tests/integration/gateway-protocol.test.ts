/**
 * What the offline gateway does before any handler runs, checked against what API Gateway does:
 * the JWT authorizer's time claims, the handlers' token kind, and CORS from the shared policy.
 */
import { ANY_ORIGIN, corsPolicy } from '../../shared/api/cors';
import { api, request, tokenFor } from './helpers/api';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';

/** The authorizer's own refusal: plain JSON, not the handlers' problem+json. */
const GATEWAY_401 = { status: 401, body: { message: 'Unauthorized' } };
const QUEUE = '/v1/work-queue';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('offline gateway protocol (integration)', () => {
  describe('JWT authorizer: time claims as API Gateway checks them', () => {
    const genuine = () => tokenFor('tiepnhan.tinh');

    it('lets the same claims through when re-signed unchanged (so the refusals below are about the claim)', async () => {
      const token = await signWithIssuerKey(claimsLike(genuine(), {}));
      expect((await api.get(QUEUE, { token })).status).toBe(200);
    });

    it.each([
      ['has no exp', { exp: undefined }],
      ['was issued in the future (iat)', { iat: nowSeconds() + 600 }],
      ['is not valid yet (nbf)', { nbf: nowSeconds() + 600 }],
    ])('answers 401 itself, without calling the handler, when the token %s', async (_, changes) => {
      const token = await signWithIssuerKey(claimsLike(genuine(), changes));
      const response = await api.get(QUEUE, { token });
      expect(response).toMatchObject(GATEWAY_401);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    });
  });

  describe('handlers: ID tokens only (token_use)', () => {
    it.each([
      ['an access token', { token_use: 'access' }],
      ['no token_use', { token_use: undefined }],
      ['an unknown token_use', { token_use: 'refresh' }],
    ])('answer 401 problem+json to a token the authorizer accepts but that is %s', async (_, changes) => {
      const token = await signWithIssuerKey(claimsLike(tokenFor('tiepnhan.tinh'), changes));
      const response = await api.get(QUEUE, { token });
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 401, type: expect.stringMatching(/unauthorized$/) });
    });
  });

  describe('CORS, from the policy the CDK stack configures', () => {
    const policy = corsPolicy(ANY_ORIGIN);
    const origin = 'https://motcua.example.gov.vn';

    it('answers a preflight 204 with the allowed origin, methods, headers and max age, before any authorizer', async () => {
      const response = await request('OPTIONS', '/v1/dossiers/000.30.01.H99-260101-0001/actions', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(response.body).toBeUndefined();
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': policy.allowMethods.join(','),
        'access-control-allow-headers': policy.allowHeaders.join(','),
        'access-control-max-age': String(policy.maxAgeSeconds),
      });
      expect(policy.allowMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT']));
    });

    it('puts the CORS headers on ordinary answers, the gateway’s own 401 included', async () => {
      const ok = await api.get('/v1/public/demo/agencies', { headers: { origin } });
      expect(ok.status).toBe(200);
      expect(ok.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-expose-headers': policy.exposeHeaders.join(','),
      });
      const refused = await api.get(QUEUE, { headers: { origin } });
      expect(refused).toMatchObject(GATEWAY_401);
      expect(refused.headers['access-control-allow-origin']).toBe('*');
    });

    it('routes an OPTIONS that is not a preflight like any other request (to $default: 404)', async () => {
      const response = await request('OPTIONS', '/v1/work-queue', { headers: { origin } });
      expect(response.status).toBe(404);
    });
  });
});

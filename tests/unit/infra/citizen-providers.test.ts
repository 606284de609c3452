/**
 * The stage key `citizenIdentityProviders` (infra/citizen-providers.ts through infra/stage.ts):
 * a good entry becomes the typed provider the auth stack builds from; every bad one fails the synth
 * with a message naming the tenant and the field; the client secret itself is refused in context.
 */
import { readStageConfig } from '../../../infra/stage';

const GOOD = {
  issuer: 'https://sso.h97.gov.vn',
  clientId: 'motcua-h97',
  clientSecretName: 'motcua/h97/sso',
  attributeMapping: { name: 'name', email: 'email', idNumber: 'cccd' },
};

const read = (providers: unknown, extra: Record<string, unknown> = { domain: 'motcua.example.gov.vn' }) => {
  const values: Record<string, unknown> = { stage: 'dev', citizenIdentityProviders: providers, ...extra };
  return readStageConfig({ tryGetContext: (key) => values[key] });
};
const failure = (providers: unknown, extra?: Record<string, unknown>): string => {
  try {
    read(providers, extra);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the stage configuration to be refused');
};

describe('infra/citizen-providers (context "citizenIdentityProviders")', () => {
  it('is empty when absent, so nothing of it is built', () => {
    expect(read(undefined).citizenIdentityProviders).toEqual([]);
  });

  it('reads an entry, with default scopes and callback and logout URLs on the stage’s domain', () => {
    expect(read({ h97: GOOD }).citizenIdentityProviders).toEqual([
      {
        tenant: 'h97',
        issuer: 'https://sso.h97.gov.vn',
        clientId: 'motcua-h97',
        clientSecretName: 'motcua/h97/sso',
        scopes: ['openid', 'profile', 'email'],
        attributeMapping: { name: 'name', email: 'email', idNumber: 'cccd' },
        callbackUrls: ['https://motcua.example.gov.vn/dang-nhap/cong-dan'],
        logoutUrls: ['https://motcua.example.gov.vn/'],
      },
    ]);
  });

  it('accepts the JSON string `-c citizenIdentityProviders=…` gives', () => {
    expect(
      read(JSON.stringify({ h97: { ...GOOD, attributesRequestMethod: 'POST' } })).citizenIdentityProviders,
    ).toEqual([expect.objectContaining({ tenant: 'h97', attributesRequestMethod: 'POST' })]);
  });

  it.each([
    [
      'an issuer over http',
      { ...GOOD, issuer: 'http://sso.h97.gov.vn' },
      /tenant "h97": "issuer" must be an https URL/,
    ],
    [
      'an issuer that is no URL',
      { ...GOOD, issuer: 'sso.h97.gov.vn' },
      /tenant "h97": "issuer" must be an https URL/,
    ],
    [
      'scopes without openid',
      { ...GOOD, scopes: ['profile'] },
      /tenant "h97": "scopes" must include "openid"/,
    ],
    ['no client id', { ...GOOD, clientId: '' }, /tenant "h97": "clientId" must be/],
    [
      'no secret name',
      { ...GOOD, clientSecretName: undefined },
      /tenant "h97": "clientSecretName" must name a Secrets Manager secret/,
    ],
    [
      'the secret itself',
      { ...GOOD, clientSecret: 's3cr3t' },
      /tenant "h97": "clientSecret" must not be in context/,
    ],
    [
      'no name mapping',
      { ...GOOD, attributeMapping: { email: 'email' } },
      /tenant "h97": "attributeMapping.name" must be/,
    ],
    [
      'no e-mail mapping',
      { ...GOOD, attributeMapping: { name: 'name' } },
      /tenant "h97": "attributeMapping.email" must be/,
    ],
    [
      'a mapping onto the tenant',
      { ...GOOD, attributeMapping: { ...GOOD.attributeMapping, tenant: 'province' } },
      /tenant "h97": "attributeMapping.tenant" is not mapped/,
    ],
    [
      'an unknown request method',
      { ...GOOD, attributesRequestMethod: 'PUT' },
      /tenant "h97": "attributesRequestMethod" must be "GET" or "POST"/,
    ],
    [
      'a callback over http',
      { ...GOOD, callbackUrls: ['http://evil.example'] },
      /tenant "h97": "callbackUrls\[0\]" must be an https URL/,
    ],
    ['an unknown field', { ...GOOD, issuerUrl: 'https://x' }, /tenant "h97": "issuerUrl" is not a field/],
  ])('refuses %s, naming the tenant and the field', (_what, entry, message) => {
    expect(failure({ h97: entry })).toMatch(message);
  });

  it('needs callback URLs when the stage has no domain to derive them from', () => {
    expect(failure({ h97: GOOD }, {})).toMatch(
      /tenant "h97": "callbackUrls" is needed when the stage has no "domain"/,
    );
    expect(
      read({ h97: { ...GOOD, callbackUrls: ['http://localhost:5173/cb'] } }, {}).citizenIdentityProviders[0],
    ).toMatchObject({
      callbackUrls: ['http://localhost:5173/cb'],
      logoutUrls: [],
    });
  });

  it('refuses a key that is no tenant id, or too long to name a Cognito provider', () => {
    expect(failure({ 'H97!': GOOD })).toMatch(/tenant "H97!" is not a tenant id/);
    expect(failure({ ['t'.repeat(25)]: GOOD })).toMatch(/is not a tenant id .*at most 24 characters/);
  });

  it('refuses a value that is not an object of tenants', () => {
    expect(failure('{not json')).toMatch(/"citizenIdentityProviders" must be a JSON object/);
    expect(failure([GOOD])).toMatch(/"citizenIdentityProviders" must be an object/);
  });

  it('lists the problems of every tenant at once', () => {
    const message = failure({ h97: { ...GOOD, issuer: 'http://a' }, h98: { ...GOOD, scopes: [] } });
    expect(message).toMatch(/tenant "h97": "issuer"/);
    expect(message).toMatch(/tenant "h98": "scopes"/);
  });
});

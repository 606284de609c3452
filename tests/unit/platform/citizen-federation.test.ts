/**
 * The claims of a citizen signed in through a province's identity provider
 * (shared/platform/citizen-federation.ts), and the pre-token-generation trigger applying them to
 * Cognito's own event shapes (V2 hosted sign-in, V3 refresh). The tenant comes from the provider and
 * the client's scope only: a provider's claim, another province's client, an unconfigured provider
 * or a forged username all get no token; staff and agency systems are untouched.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { CLAIMS } from '../../../shared/platform/claims';
import { ENV } from '../../../shared/platform/env';
import { principalFromClaims } from '../../../shared/platform/principal';
import {
  citizenTenantScope,
  citizenTokenClaims,
  parseCitizenTenants,
} from '../../../shared/platform/citizen-federation';

const TENANTS = ['h97', 'h98'];
const identities = (providerName: string) =>
  JSON.stringify([
    {
      dateCreated: '1764600000000',
      userId: '9f1c2e7a-idp-sub',
      providerName,
      providerType: 'OIDC',
      issuer: null,
      primary: 'true',
    },
  ]);

/** A federated citizen's attributes as Cognito sends them (the mapped ones, and its own). */
const attributes = (provider = 'citizen-h97', extra: Record<string, string> = {}) => ({
  sub: '3b6c1f0e-2a4d-4e8b-9c1a-0f5e6d7c8b9a',
  identities: identities(provider),
  'cognito:user_status': 'EXTERNAL_PROVIDER',
  email_verified: 'false',
  name: 'Trần Thị Bình',
  email: 'binh@example.vn',
  preferred_username: '001099000001',
  ...extra,
});

/** Cognito's V2 event for a sign-in through the hosted endpoints (what a federated sign-in is). */
const hostedEvent = (
  provider: string,
  scopes: string[],
  opts: { userName?: string; version?: string; triggerSource?: string; extra?: Record<string, string> } = {},
) =>
  ({
    version: opts.version ?? '2',
    triggerSource: opts.triggerSource ?? 'TokenGeneration_HostedAuth',
    region: 'ap-southeast-1',
    userPoolId: 'ap-southeast-1_AbCdEf123',
    userName: opts.userName ?? `${provider}_9f1c2e7a-idp-sub`,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '4k2j9q8r7s6t5u4v3w2x1y0z9a' },
    request: {
      userAttributes: attributes(provider, opts.extra),
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes,
    },
    response: { claimsAndScopeOverrideDetails: null },
  }) as unknown as PreTokenGenerationV2TriggerEvent;

const h97Scopes = ['openid', 'email', 'profile', citizenTenantScope('h97')];

describe('shared/platform/citizen-federation', () => {
  const request = (e: PreTokenGenerationV2TriggerEvent) => ({
    userName: e.userName,
    userAttributes: e.request.userAttributes,
    scopes: e.request.scopes,
  });

  it("gives a province's federated citizen that tenant, the citizen role and the name", () => {
    expect(citizenTokenClaims(request(hostedEvent('citizen-h97', h97Scopes)), TENANTS)).toEqual({
      kind: 'citizen',
      tenant: 'h97',
      claims: { [CLAIMS.tenant]: 'h97', [CLAIMS.roles]: 'citizen', [CLAIMS.name]: 'Trần Thị Bình' },
      suppress: [CLAIMS.agency],
    });
  });

  it('makes an ID token the handlers read as a citizen of that province, like the local issuer’s', () => {
    const out = citizenTokenClaims(request(hostedEvent('citizen-h97', h97Scopes)), TENANTS);
    if (out.kind !== 'citizen') throw new Error(out.kind);
    // What Cognito's ID token holds for the user, with the trigger's claims applied.
    const token = {
      sub: '3b6c1f0e-2a4d-4e8b-9c1a-0f5e6d7c8b9a',
      [CLAIMS.username]: 'citizen-h97_9f1c2e7a-idp-sub',
      [CLAIMS.tokenUse]: 'id',
      preferred_username: '001099000001',
      ...out.claims,
    };
    expect(principalFromClaims(token)).toEqual({
      subject: '3b6c1f0e-2a4d-4e8b-9c1a-0f5e6d7c8b9a',
      username: 'citizen-h97_9f1c2e7a-idp-sub',
      name: 'Trần Thị Bình',
      tenant: 'h97',
      agency: undefined,
      roles: ['citizen'],
    });
  });

  it('ignores a tenant, agency or roles the provider or the user record claims', () => {
    const out = citizenTokenClaims(
      request(
        hostedEvent('citizen-h97', h97Scopes, {
          extra: { 'custom:tenant': 'h98', 'custom:roles': 'tenantAdmin', 'custom:agency': 'x' },
        }),
      ),
      TENANTS,
    );
    expect(out).toMatchObject({ kind: 'citizen', tenant: 'h97', claims: { [CLAIMS.roles]: 'citizen' } });
    expect(out.kind === 'citizen' && out.suppress).toEqual([CLAIMS.agency]);
  });

  it("refuses a province's citizen at another province's client", () => {
    expect(
      citizenTokenClaims(request(hostedEvent('citizen-h97', ['openid', citizenTenantScope('h98')])), TENANTS),
    ).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/another province/) });
  });

  it('refuses when the client named no province (no tenant scope) or named two', () => {
    expect(citizenTokenClaims(request(hostedEvent('citizen-h97', ['openid', 'profile'])), TENANTS).kind).toBe(
      'refused',
    );
    expect(
      citizenTokenClaims(
        request(hostedEvent('citizen-h97', [...h97Scopes, citizenTenantScope('h98')])),
        TENANTS,
      ).kind,
    ).toBe('refused');
  });

  it('refuses a provider that is no configured province, even named like one', () => {
    expect(
      citizenTokenClaims(request(hostedEvent('citizen-h96', ['openid', citizenTenantScope('h96')])), TENANTS),
    ).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/no configured province/) });
    expect(citizenTokenClaims(request(hostedEvent('Google', h97Scopes)), TENANTS).kind).toBe('refused');
  });

  it('refuses a username that does not come from the recorded provider, and unreadable identities', () => {
    expect(
      citizenTokenClaims(
        request(hostedEvent('citizen-h97', h97Scopes, { userName: 'citizen-h98_x' })),
        TENANTS,
      ).kind,
    ).toBe('refused');
    const broken = { ...request(hostedEvent('citizen-h97', h97Scopes)) };
    expect(
      citizenTokenClaims(
        { ...broken, userAttributes: { ...broken.userAttributes, identities: '{' } },
        TENANTS,
      ).kind,
    ).toBe('refused');
  });

  it("leaves the pool's own users (staff) alone", () => {
    expect(
      citizenTokenClaims(
        { userName: 'tiepnhan01', userAttributes: { sub: 's', 'custom:tenant': 'h97' } },
        TENANTS,
      ),
    ).toEqual({ kind: 'native' });
  });

  it('reads the configured tenants from the trigger’s environment', () => {
    expect(parseCitizenTenants('h97, h98,')).toEqual(['h97', 'h98']);
    expect(parseCitizenTenants(undefined)).toEqual([]);
  });
});

describe('functions/auth/pre-token-generation with citizens’ providers configured', () => {
  let handler: (e: unknown) => Promise<PreTokenGenerationV2TriggerEvent>;
  beforeAll(() => {
    // The trigger reads the tenants when it loads, as in Lambda.
    process.env[ENV.citizenTenants] = 'h97,h98';
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handler = require('../../../functions/auth/pre-token-generation').handler;
    });
  });
  afterAll(() => {
    delete process.env[ENV.citizenTenants];
  });

  it('puts the tenant and the citizen role in the ID token of a hosted sign-in (V2 event)', async () => {
    const out = await handler(hostedEvent('citizen-h98', ['openid', citizenTenantScope('h98')]));
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: {
        claimsToAddOrOverride: {
          [CLAIMS.tenant]: 'h98',
          [CLAIMS.roles]: 'citizen',
          [CLAIMS.name]: 'Trần Thị Bình',
        },
        claimsToSuppress: [CLAIMS.agency],
      },
    });
  });

  it('does the same on a refresh (V3 event)', async () => {
    const out = await handler(
      hostedEvent('citizen-h97', h97Scopes, { version: '3', triggerSource: 'TokenGeneration_RefreshTokens' }),
    );
    expect(
      out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride,
    ).toMatchObject({
      [CLAIMS.tenant]: 'h97',
    });
  });

  it("fails (so Cognito issues no token) for a citizen at another province's client", async () => {
    await expect(handler(hostedEvent('citizen-h97', ['openid', citizenTenantScope('h98')]))).rejects.toThrow(
      /another province/,
    );
  });

  it("passes a staff member's sign-in unchanged", async () => {
    const staff = hostedEvent('citizen-h97', h97Scopes, { triggerSource: 'TokenGeneration_Authentication' });
    staff.userName = 'tiepnhan01';
    staff.request.userAttributes = { sub: 's', 'custom:tenant': 'h97', 'custom:roles': 'reception' };
    const out = await handler(staff);
    expect(out.response.claimsAndScopeOverrideDetails).toBeNull();
  });
});

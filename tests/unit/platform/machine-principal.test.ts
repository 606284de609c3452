import { AGENCY_SCOPES, CLAIMS } from '../../../shared/platform/claims';
import { principalFromClaims, requireScope } from '../../../shared/platform/principal';
import { ForbiddenError } from '../../../shared/platform/errors';

/** A client-credentials access token as Cognito issues it after the pre-token-generation trigger. */
const machineClaims = {
  [CLAIMS.subject]: '4f1c0d3m2a9client',
  [CLAIMS.clientId]: '4f1c0d3m2a9client',
  [CLAIMS.tokenUse]: 'access',
  [CLAIMS.scope]: `${AGENCY_SCOPES.read} ${AGENCY_SCOPES.act}`,
  [CLAIMS.tenant]: 'demo',
  [CLAIMS.agency]: '000.10.20.H99',
  [CLAIMS.roles]: 'agencySystem',
};

describe('platform/principal: client-credentials tokens of agency systems', () => {
  it('become an agencySystem principal named by the client id, with tenant, agency and scopes', () => {
    expect(principalFromClaims(machineClaims)).toEqual({
      subject: '4f1c0d3m2a9client',
      username: '4f1c0d3m2a9client',
      tenant: 'demo',
      agency: '000.10.20.H99',
      roles: ['agencySystem'],
      scopes: [AGENCY_SCOPES.read, AGENCY_SCOPES.act],
    });
  });

  it('never take roles from the token: a forged custom:roles claim gives nothing more', () => {
    const principal = principalFromClaims({ ...machineClaims, [CLAIMS.roles]: 'tenantAdmin,reception' });
    expect(principal?.roles).toEqual(['agencySystem']);
  });

  it.each([
    ["a user's access token (it names a username)", { [CLAIMS.accessUsername]: 'tiepnhan.tinh' }],
    ['no agency scope', { [CLAIMS.scope]: 'aws.cognito.signin.user.admin openid' }],
    ['no scope at all', { [CLAIMS.scope]: undefined }],
    ['no client_id', { [CLAIMS.clientId]: undefined }],
    ['no tenant (the client is not registered)', { [CLAIMS.tenant]: undefined }],
    ['no agency', { [CLAIMS.agency]: undefined }],
    ['an empty agency', { [CLAIMS.agency]: '' }],
  ])('have no principal (so 401) with %s', (_, change) => {
    expect(principalFromClaims({ ...machineClaims, ...change })).toBeUndefined();
  });

  it('keep only the agency scopes of a longer list', () => {
    const principal = principalFromClaims({
      ...machineClaims,
      [CLAIMS.scope]: `other/x ${AGENCY_SCOPES.read}`,
    });
    expect(principal?.scopes).toEqual([AGENCY_SCOPES.read]);
  });
});

describe('platform/principal requireScope', () => {
  const reader = principalFromClaims({ ...machineClaims, [CLAIMS.scope]: AGENCY_SCOPES.read })!;
  const actor = principalFromClaims({ ...machineClaims, [CLAIMS.scope]: AGENCY_SCOPES.act })!;
  const person = principalFromClaims({
    ...machineClaims,
    [CLAIMS.tokenUse]: 'id',
    [CLAIMS.username]: 'chuyenvien.thue',
    [CLAIMS.roles]: 'specialist',
  })!;

  it('lets a read scope read and refuses it any change (403)', () => {
    expect(() => requireScope(reader, 'GET')).not.toThrow();
    expect(() => requireScope(reader, 'POST')).toThrow(ForbiddenError);
    expect(() => requireScope(reader, 'DELETE')).toThrow(ForbiddenError);
  });

  it('lets the act scope read what it acts on, and act', () => {
    expect(() => requireScope(actor, 'GET')).not.toThrow();
    expect(() => requireScope(actor, 'POST')).not.toThrow();
  });

  it('leaves people to their roles', () => {
    expect(person.scopes).toBeUndefined();
    expect(() => requireScope(person, 'POST')).not.toThrow();
  });
});

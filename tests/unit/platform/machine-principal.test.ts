import { AGENCY_SCOPES, CLAIMS } from '../../../shared/platform/claims';
import { principalFromClaims } from '../../../shared/platform/principal';
import { authorize } from '../../../shared/platform/authorize';
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

describe('platform/authorize: an agency system’s scopes', () => {
  const reader = principalFromClaims({ ...machineClaims, [CLAIMS.scope]: AGENCY_SCOPES.read })!;
  const actor = principalFromClaims({ ...machineClaims, [CLAIMS.scope]: AGENCY_SCOPES.act })!;
  const person = principalFromClaims({
    ...machineClaims,
    [CLAIMS.tokenUse]: 'id',
    [CLAIMS.username]: 'chuyenvien.thue',
    [CLAIMS.roles]: 'specialist',
  })!;

  it('lets a read scope read and refuses it any change (403)', () => {
    expect(() => authorize(reader, 'dossier.read')).not.toThrow();
    expect(() => authorize(reader, 'dossier.act')).toThrow(ForbiddenError);
    expect(() => authorize(reader, 'webhooks.manage')).toThrow(ForbiddenError);
  });

  it('lets the act scope read what it acts on, and act', () => {
    expect(() => authorize(actor, 'dossier.read')).not.toThrow();
    expect(() => authorize(actor, 'dossier.act')).not.toThrow();
  });

  it('leaves people to their roles', () => {
    expect(person.scopes).toBeUndefined();
    expect(() => authorize(person, 'dossier.act')).not.toThrow();
  });
});

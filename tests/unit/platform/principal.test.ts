import { CLAIMS } from '../../../shared/platform/claims';
import { principalFromClaims } from '../../../shared/platform/principal';

const idTokenClaims = {
  [CLAIMS.subject]: '77d609ee-33c6-5827-b037-000000000001',
  [CLAIMS.username]: 'tiepnhan.tinh',
  [CLAIMS.tenant]: 'demo',
  [CLAIMS.agency]: '000.00.01.H99',
  [CLAIMS.roles]: 'reception, leader,nonsense',
  [CLAIMS.tokenUse]: 'id',
};

describe('platform/principal principalFromClaims', () => {
  it('reads the caller from the claims of an ID token, keeping only known roles', () => {
    expect(principalFromClaims(idTokenClaims)).toEqual({
      subject: idTokenClaims.sub,
      username: 'tiepnhan.tinh',
      name: undefined,
      tenant: 'demo',
      agency: '000.00.01.H99',
      roles: ['reception', 'leader'],
    });
  });

  it.each([
    ['without token_use', undefined],
    ['an access token', 'access'],
    ['a refresh or made-up kind', 'refresh'],
    ['token_use of the wrong type', 1],
  ])('has no principal (so 401) for %s, even with every other claim', (_, tokenUse) => {
    expect(principalFromClaims({ ...idTokenClaims, [CLAIMS.tokenUse]: tokenUse as string })).toBeUndefined();
  });
});

/**
 * The Cognito pre-token-generation trigger (V3_0) against a dynamodb-toolbox spy: the registry
 * lookup item becomes the access token's claims; an unregistered client gets no token; people's
 * tokens pass unchanged.
 */
import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { EntitySpy } from 'dynamodb-toolbox/entity/actions/spy';
import { handler } from '../../../functions/auth/pre-token-generation';
import { AgencyClientLookupEntity } from '../../../shared/data/table';
import { agencyClientClaims } from '../../../shared/platform/agency-client-claims';

const event = (triggerSource: string, clientId = 'taxclient01') =>
  ({
    version: '3',
    triggerSource,
    region: 'ap-southeast-1',
    userPoolId: 'ap-southeast-1_pool',
    userName: '',
    callerContext: { awsSdkVersion: 'x', clientId },
    request: { userAttributes: {}, groupConfiguration: {}, scopes: ['motcua/dossiers.read'] },
    response: { claimsAndScopeOverrideDetails: {} },
  }) as unknown as PreTokenGenerationV3TriggerEvent;

describe('functions/auth/pre-token-generation', () => {
  const newSpy = () => AgencyClientLookupEntity.build(EntitySpy);
  let spy: ReturnType<typeof newSpy>;
  beforeEach(() => {
    spy = newSpy();
  });
  afterEach(() => spy.restore());

  it("adds the registry's tenant and agency (and the agency audience) to a client-credentials token", async () => {
    spy.on(GetItemCommand).resolve({
      Item: { clientId: 'taxclient01', tenant: 'demo', agency: '000.10.20.H99' },
      $metadata: {},
    } as never);
    const out = await handler(event('TokenGeneration_ClientCredentials'));
    expect(spy.sent(GetItemCommand).args(0)?.[0]).toEqual({ clientId: 'taxclient01' });
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: agencyClientClaims({ tenant: 'demo', agency: '000.10.20.H99' }),
      },
    });
  });

  it('refuses to let a client without a registry item get a token (the trigger fails)', async () => {
    spy.on(GetItemCommand).resolve({ $metadata: {} } as never);
    await expect(handler(event('TokenGeneration_ClientCredentials', 'stranger'))).rejects.toThrow(
      /not registered/,
    );
  });

  it("leaves people's tokens alone and reads nothing", async () => {
    const out = await handler(event('TokenGeneration_Authentication'));
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({});
    expect(spy.sent(GetItemCommand).count()).toBe(0);
  });
});

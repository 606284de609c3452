/**
 * Citizens' sign-in through their province's identity provider (issue 11 §7, docs/citizens.md):
 * with two provinces configured, each gets its own OIDC provider and an app client that allows only
 * that provider; the client secret is a Secrets Manager dynamic reference, never a value; the
 * trigger learns the provinces. With none configured (the default app of the other infra tests),
 * no provider exists at all.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ENV } from '../../shared/platform/env';
import { CITIZEN_RESOURCE_SERVER } from '../../shared/platform/citizen-federation';
import { buildTestApp, nagFindings } from './fixture';

const PROVIDERS = {
  h97: {
    issuer: 'https://sso.h97.gov.vn',
    clientId: 'motcua-h97',
    clientSecretName: 'motcua/h97/sso',
    scopes: ['openid', 'profile', 'email'],
    attributeMapping: { name: 'name', email: 'email', idNumber: 'cccd' },
  },
  h98: {
    issuer: 'https://id.h98.gov.vn/realms/citizens',
    clientId: 'motcua-h98',
    clientSecretName: 'motcua/h98/sso',
    scopes: ['openid', 'profile', 'email', 'cccd'],
    attributeMapping: { name: 'full_name', email: 'email' },
    attributesRequestMethod: 'POST',
    callbackUrls: ['https://dichvucong.h98.gov.vn/dang-nhap'],
  },
};

const testApp = buildTestApp({
  context: { domain: 'motcua.example.gov.vn', citizenIdentityProviders: PROVIDERS },
});
const template = testApp.template(testApp.stacks.auth);
const IDP = 'AWS::Cognito::UserPoolIdentityProvider';
const CLIENT = 'AWS::Cognito::UserPoolClient';

type Resource = { Properties: Record<string, unknown> };
const clientsOf = () => Object.entries(template.findResources(CLIENT)) as Array<[string, Resource]>;
const providerId = (tenant: string): string => {
  const found = Object.entries(
    template.findResources(IDP, { Properties: { ProviderName: `citizen-${tenant}` } }),
  );
  if (found.length !== 1) throw new Error(`no provider for ${tenant}`);
  return found[0]![0];
};
const citizenClient = (tenant: string): [string, Resource] => {
  const found = clientsOf().find(([, r]) => r.Properties.ClientName === `citizen-${tenant}`);
  if (!found) throw new Error(`no citizen client for ${tenant}`);
  return found;
};

describe('AuthStack: citizens sign in through their province’s identity provider', () => {
  it('has one OIDC provider per configured province, with its issuer, scopes and attribute mapping', () => {
    expect(Object.keys(template.findResources(IDP))).toHaveLength(2);
    template.hasResourceProperties(IDP, {
      ProviderName: 'citizen-h97',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'motcua-h97',
        oidc_issuer: 'https://sso.h97.gov.vn',
        authorize_scopes: 'openid profile email',
        attributes_request_method: 'GET',
      }),
      AttributeMapping: { name: 'name', email: 'email', preferred_username: 'cccd' },
    });
    template.hasResourceProperties(IDP, {
      ProviderName: 'citizen-h98',
      ProviderDetails: Match.objectLike({
        client_id: 'motcua-h98',
        oidc_issuer: 'https://id.h98.gov.vn/realms/citizens',
        authorize_scopes: 'openid profile email cccd',
        attributes_request_method: 'POST',
      }),
      AttributeMapping: { name: 'full_name', email: 'email' },
    });
  });

  it('never maps the provider’s claims onto tenant, agency or roles', () => {
    for (const idp of Object.values(template.findResources(IDP)) as Resource[])
      expect(
        Object.keys(idp.Properties.AttributeMapping as object).filter((a) => a.startsWith('custom:')),
      ).toEqual([]);
  });

  it('takes the client secret from Secrets Manager by reference: no secret value in the template', () => {
    for (const [tenant] of Object.entries(PROVIDERS))
      template.hasResourceProperties(IDP, {
        ProviderName: `citizen-${tenant}`,
        ProviderDetails: Match.objectLike({
          client_secret: `{{resolve:secretsmanager:motcua/${tenant}/sso:SecretString:::}}`,
        }),
      });
  });

  it('gives each province a public client that allows only its own provider, code grant only', () => {
    for (const tenant of Object.keys(PROVIDERS)) {
      const [, client] = citizenClient(tenant);
      expect(client.Properties).toMatchObject({
        SupportedIdentityProviders: [{ Ref: providerId(tenant) }],
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        IdTokenValidity: 60,
        RefreshTokenValidity: 1440,
      });
      // The scope that tells the trigger which province's client this is: its own, no other.
      const scopes = JSON.stringify(client.Properties.AllowedOAuthScopes);
      const other = tenant === 'h97' ? 'h98' : 'h97';
      expect(scopes).toContain(`/${tenant}`);
      expect(scopes).not.toContain(`/${other}`);
      expect(scopes).not.toContain('aws.cognito.signin.user.admin');
    }
  });

  it('sends citizens back to the configured callback, or to the stage’s domain', () => {
    expect(citizenClient('h97')[1].Properties).toMatchObject({
      CallbackURLs: ['https://motcua.example.gov.vn/dang-nhap/cong-dan'],
      LogoutURLs: ['https://motcua.example.gov.vn/'],
    });
    expect(citizenClient('h98')[1].Properties.CallbackURLs).toEqual([
      'https://dichvucong.h98.gov.vn/dang-nhap',
    ]);
  });

  it('keeps the staff clients on the pool’s own sign-in only', () => {
    const staff = clientsOf().filter(
      ([, r]) => !String(r.Properties.ClientName ?? '').startsWith('citizen-'),
    );
    expect(staff.length).toBeGreaterThanOrEqual(2);
    for (const [, client] of staff) expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it('has one scope per province on the citizen resource server', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: CITIZEN_RESOURCE_SERVER,
      Scopes: [
        { ScopeName: 'h97', ScopeDescription: Match.anyValue() },
        { ScopeName: 'h98', ScopeDescription: Match.anyValue() },
      ],
    });
  });

  it('tells the trigger which provinces’ citizens it may accept', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [ENV.citizenTenants]: 'h97,h98' }) },
    });
  });

  it('lets the API accept the citizen clients’ ID tokens', () => {
    const audience = testApp.stacks.auth.jwtAudience;
    for (const client of testApp.stacks.auth.citizenIdentity!.clients.values())
      expect(audience).toContain(client.userPoolClientId);
  });

  it('synthesizes without errors or warnings from the construct library', () => {
    const annotations = Annotations.fromStack(testApp.stacks.auth);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('passes cdk-nag', () => {
    expect(nagFindings(testApp, testApp.stacks.auth)).toEqual([]);
  });
});

describe('AuthStack without citizens’ providers (the default stage)', () => {
  const plain = buildTestApp();
  const plainTemplate = plain.template(plain.stacks.auth);

  it('has no identity provider, no citizen client and no tenant list for the trigger', () => {
    expect(plainTemplate.findResources(IDP)).toEqual({});
    expect(plain.stacks.auth.citizenIdentity).toBeUndefined();
    expect(JSON.stringify(plainTemplate.toJSON())).not.toContain(ENV.citizenTenants);
    expect(JSON.stringify(plainTemplate.toJSON())).not.toContain(CITIZEN_RESOURCE_SERVER);
  });
});

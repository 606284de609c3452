/**
 * Citizens' sign-in through their province's identity provider (docs/citizens.md): per configured
 * tenant an OIDC identity provider of the user pool and an app client allowing that provider only,
 * so a province's citizens cannot sign in through another province's provider, nor anyone through
 * the pool's own passwords at a citizen client.
 *
 * The tenant reaches the token through the pre-token-generation trigger
 * (shared/platform/citizen-federation.ts): the provider is `citizen-<tenant>`, and the client is
 * the only one allowed the scope `motcua-citizen/<tenant>`, which the trigger finds in its event.
 */
import { Duration, SecretValue } from 'aws-cdk-lib';
import {
  ClientAttributes,
  OAuthScope,
  OidcAttributeRequestMethod,
  ProviderAttribute,
  ResourceServerScope,
  UserPoolClientIdentityProvider,
  UserPoolIdentityProviderOidc,
  type UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CITIZEN_RESOURCE_SERVER, citizenProviderName } from '../../shared/platform/citizen-federation';
import type { CitizenIdentityProvider } from '../citizen-providers';

export interface CitizenIdentityProps {
  readonly userPool: UserPool;
  /** At least one: with none configured the auth stack makes no CitizenIdentity at all. */
  readonly providers: readonly CitizenIdentityProvider[];
}

export class CitizenIdentity extends Construct {
  /** Each configured tenant's app client, by tenant id. */
  public readonly clients = new Map<string, UserPoolClient>();
  public readonly providers = new Map<string, UserPoolIdentityProviderOidc>();

  constructor(scope: Construct, id: string, props: CitizenIdentityProps) {
    super(scope, id);
    const { userPool } = props;
    const tenantScopes = new Map(
      props.providers.map((p) => [
        p.tenant,
        new ResourceServerScope({ scopeName: p.tenant, scopeDescription: `Citizens of ${p.tenant}` }),
      ]),
    );
    const server = userPool.addResourceServer('CitizenTenants', {
      identifier: CITIZEN_RESOURCE_SERVER,
      userPoolResourceServerName: 'motcua citizens by province',
      scopes: [...tenantScopes.values()],
    });

    for (const config of props.providers) {
      const { tenant, attributeMapping: map } = config;
      const provider = new UserPoolIdentityProviderOidc(this, `Provider-${tenant}`, {
        userPool,
        name: citizenProviderName(tenant),
        issuerUrl: config.issuer,
        clientId: config.clientId,
        // A CloudFormation dynamic reference ({{resolve:secretsmanager:…}}): resolved at deploy
        // time, so the secret is neither in context nor in the template.
        clientSecret: SecretValue.secretsManager(config.clientSecretName).unsafeUnwrap(),
        scopes: [...config.scopes],
        ...(config.attributesRequestMethod !== undefined
          ? { attributeRequestMethod: OidcAttributeRequestMethod[config.attributesRequestMethod] }
          : {}),
        // Only who the citizen is; never tenant, agency or roles (the trigger sets those).
        attributeMapping: {
          fullname: ProviderAttribute.other(map.name),
          email: ProviderAttribute.other(map.email),
          ...(map.idNumber !== undefined ? { preferredUsername: ProviderAttribute.other(map.idNumber) } : {}),
        },
      });
      this.providers.set(tenant, provider);

      // Cognito writes the mapped attributes at every sign-in through the client, so it must be
      // allowed to write them; the client has no `aws.cognito.signin.user.admin` scope, so the
      // citizen cannot change them with the token.
      const attributes = new ClientAttributes().withStandardAttributes({
        fullname: true,
        email: true,
        ...(map.idNumber !== undefined ? { preferredUsername: true } : {}),
      });
      const client = userPool.addClient(`CitizenClient-${tenant}`, {
        userPoolClientName: `citizen-${tenant}`,
        // A browser or phone app cannot keep a secret: authorization code with PKCE (S256).
        generateSecret: false,
        // No password flows: the only way in is the province's provider (refresh stays allowed).
        authFlows: { userSrp: false },
        // A reference to the provider (its name): CloudFormation makes the provider first.
        supportedIdentityProviders: [UserPoolClientIdentityProvider.custom(provider.providerName)],
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [
            OAuthScope.OPENID,
            OAuthScope.PROFILE,
            OAuthScope.EMAIL,
            OAuthScope.resourceServer(server, tenantScopes.get(tenant)!),
          ],
          callbackUrls: [...config.callbackUrls],
          ...(config.logoutUrls.length > 0 ? { logoutUrls: [...config.logoutUrls] } : {}),
        },
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        // An hour's session; a day before the province's provider is asked again (a citizen may be
        // at a shared computer at the counter or a post office).
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(1),
        readAttributes: attributes,
        writeAttributes: attributes,
      });
      this.clients.set(tenant, client);
    }
  }
}

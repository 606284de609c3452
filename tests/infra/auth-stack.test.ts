import { Match } from 'aws-cdk-lib/assertions';
import { CUSTOM_ATTRIBUTES } from '../../infra/stacks/auth-stack';
import { AGENCY_RESOURCE_SERVER, AGENCY_SCOPES, CLAIMS } from '../../shared/platform/claims';
import { buildTestApp } from './fixture';

const testApp = buildTestApp();
const template = testApp.template(testApp.stacks.auth);

const POOL = 'AWS::Cognito::UserPool';
const CLIENT = 'AWS::Cognito::UserPoolClient';

describe('AuthStack', () => {
  describe('user pool', () => {
    it('names its custom attributes so tokens carry the claims of shared/platform/claims.ts', () => {
      expect(Object.values(CUSTOM_ATTRIBUTES).map((a) => `custom:${a}`)).toEqual([
        CLAIMS.tenant,
        CLAIMS.agency,
        CLAIMS.roles,
      ]);
    });

    it('makes the tenant immutable and agency and roles mutable', () => {
      template.hasResourceProperties(POOL, {
        Schema: Match.arrayWith([
          Match.objectLike({ Name: CUSTOM_ATTRIBUTES.tenant, AttributeDataType: 'String', Mutable: false }),
          Match.objectLike({ Name: CUSTOM_ATTRIBUTES.agency, AttributeDataType: 'String', Mutable: true }),
          Match.objectLike({ Name: CUSTOM_ATTRIBUTES.roles, AttributeDataType: 'String', Mutable: true }),
        ]),
      });
    });

    it('requires long passwords with every character class', () => {
      template.hasResourceProperties(POOL, {
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      });
    });

    it('lets only admins create users', () => {
      template.hasResourceProperties(POOL, {
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      });
    });

    it('offers TOTP as an optional second factor', () => {
      template.hasResourceProperties(POOL, {
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      });
    });

    it('enforces threat protection on the Plus plan', () => {
      template.hasResourceProperties(POOL, {
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      });
    });

    it('blocks sign-in with compromised credentials and asks high-risk sign-ins for MFA', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
        CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
        AccountTakeoverRiskConfiguration: {
          Actions: Match.objectLike({ HighAction: { EventAction: 'MFA_REQUIRED', Notify: false } }),
        },
      });
    });

    it('is protected from deletion and retained', () => {
      template.hasResource(POOL, {
        Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
        DeletionPolicy: 'Retain',
      });
    });
  });

  describe('app client', () => {
    it('has no secret and signs in with SRP and refresh tokens only', () => {
      template.hasResourceProperties(CLIENT, {
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      });
    });

    it('reads the custom attributes so the ID token carries them', () => {
      template.hasResourceProperties(CLIENT, {
        // CDK sorts the list; arrayWith matches in order.
        ReadAttributes: Match.arrayWith(
          Object.values(CUSTOM_ATTRIBUTES)
            .map((a) => `custom:${a}`)
            .sort(),
        ),
      });
    });

    it('cannot write tenant, agency or roles, so users cannot grant themselves a role', () => {
      template.hasResourceProperties(CLIENT, {
        WriteAttributes: Match.not(Match.arrayWith([Match.stringLikeRegexp('^custom:')])),
      });
    });

    it('has no OAuth flows, since there is no hosted UI', () => {
      template.hasResourceProperties(CLIENT, {
        AllowedOAuthFlows: Match.absent(),
        CallbackURLs: Match.absent(),
      });
    });
  });
});

describe('AuthStack: agencies’ systems (client credentials)', () => {
  it('gives the pool a Cognito domain for the token endpoint, unique per stage and account', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^motcua-[a-z0-9]+-$')])] },
    });
    template.hasOutput('AgencyTokenEndpoint', {});
  });

  it('has a resource server with the read and act scopes the principal checks', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: AGENCY_RESOURCE_SERVER,
      Scopes: [
        { ScopeName: AGENCY_SCOPES.read.split('/')[1], ScopeDescription: Match.anyValue() },
        { ScopeName: AGENCY_SCOPES.act.split('/')[1], ScopeDescription: Match.anyValue() },
      ],
    });
    expect(`${AGENCY_RESOURCE_SERVER}/dossiers.read`).toBe(AGENCY_SCOPES.read);
  });

  it('runs the pre-token-generation trigger with the V3_0 event (the one client-credentials tokens get)', () => {
    template.hasResourceProperties(POOL, {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PreTokenGeneration'), 'Arn'] },
          LambdaVersion: 'V3_0',
        },
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PreTokenGeneration'), 'Arn'] },
    });
  });

  it('lets the trigger only GetItem on the table (one registry lookup per token)', () => {
    const trigger = testApp.stacks.auth.preTokenGeneration;
    const roleId = testApp.stacks.auth.getLogicalId(
      trigger.role.node.defaultChild as import('aws-cdk-lib').CfnElement,
    );
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: roleId }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: unknown }> } } }).Properties
          .PolicyDocument.Statement,
    );
    const dynamo = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));
    expect(dynamo.map((s) => s.Action)).toEqual(['dynamodb:GetItem']);
  });

  it('has the user pool on a feature plan that sends V3_0 events (Essentials or Plus)', () => {
    template.hasResourceProperties(POOL, {
      UserPoolTier: Match.stringLikeRegexp('^(ESSENTIALS|PLUS)$'),
    });
  });
});

describe('AuthStack: staff accounts and command-line sign-in (issue 10)', () => {
  const clients = () =>
    Object.entries(template.findResources(CLIENT)) as Array<
      [string, { Properties: Record<string, unknown> }]
    >;
  const clientNamed = (fragment: string) => {
    const found = clients().find(([id]) => id.includes(fragment));
    if (!found) throw new Error(`no app client ${fragment}`);
    return found[1].Properties;
  };

  it('lets no app client write tenant, agency or roles: only the staff functions set them, with admin calls', () => {
    expect(clients().length).toBeGreaterThanOrEqual(2);
    for (const [, client] of clients()) {
      const writable = (client.Properties.WriteAttributes ?? []) as string[];
      expect(writable.filter((a) => a.startsWith('custom:'))).toEqual([]);
    }
  });

  it('allows USER_PASSWORD_AUTH on the CLI client and not on the web client', () => {
    expect(clientNamed('CliClient').ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH']),
    );
    expect(clientNamed('CliClient').GenerateSecret).toBe(false);
    expect(clientNamed('WebClient').ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    template.hasOutput('CliClientId', {});
  });

  it('sends invitations with Cognito’s own e-mail unless a verified SES sender is configured', () => {
    template.hasResourceProperties(POOL, {
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
  });

  it('sends invitations through SES from the configured sender', () => {
    const withSes = buildTestApp({ context: { sesFromEmail: 'motcua@example.gov.vn' } });
    withSes.template(withSes.stacks.auth).hasResourceProperties(POOL, {
      EmailConfiguration: Match.objectLike({
        EmailSendingAccount: 'DEVELOPER',
        From: Match.stringLikeRegexp('motcua@example.gov.vn'),
        SourceArn: Match.anyValue(),
      }),
    });
  });
});

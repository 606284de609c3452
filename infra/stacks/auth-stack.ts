/**
 * Sign-in for staff, citizens and agency systems: one Cognito user pool whose ID tokens carry the
 * claims in shared/platform/claims.ts (`custom:tenant`, `custom:agency`, `custom:roles`), and one app
 * client for the web app. The API's JWT authorizer trusts this pool's issuer and this client id.
 * Citizens sign in through their province's identity provider when the stage configures one
 * (infra/constructs/citizen-identity.ts, docs/citizens.md).
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolRiskConfigurationAttachment,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  ResourceServerScope,
  UserPoolOperation,
  UserPoolResourceServer,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AGENCY_AUDIENCE, AGENCY_RESOURCE_SERVER, AGENCY_SCOPES, CLAIMS } from '../../shared/platform/claims';
import { ENV } from '../../shared/platform/env';
import { ApiFunction } from '../constructs/api-function';
import { CitizenIdentity } from '../constructs/citizen-identity';
import { acknowledge } from '../constructs/nag';
import type { StageConfig } from '../stage';

export interface AuthStackProps extends StackProps {
  readonly config: StageConfig;
  /** The project's table: the pre-token-generation trigger reads agency clients' registry items. */
  readonly table: ITableV2;
}

/** Cognito names the attribute `tenant` and puts it in tokens as `custom:tenant`: derive one from the other. */
const customName = (claim: string): string => claim.replace(/^custom:/, '');
export const CUSTOM_ATTRIBUTES = {
  tenant: customName(CLAIMS.tenant),
  agency: customName(CLAIMS.agency),
  roles: customName(CLAIMS.roles),
} as const;

export class AuthStack extends Stack {
  public readonly userPool: UserPool;
  public readonly userPoolClient: UserPoolClient;
  /**
   * `npm run token`: the command-line sign-in of staff (USER_PASSWORD_AUTH). Cognito has no OAuth
   * device grant, and SRP needs a client-side big-number protocol a shell script cannot do; so the
   * password goes over TLS to Cognito, on this client only, never on the web client.
   */
  public readonly cliClient: UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  public readonly jwtIssuer: string;
  /**
   * Audiences the API accepts: the web client id (`aud` of ID tokens) and AGENCY_AUDIENCE, the
   * `aud` the trigger adds to agency systems' access tokens (docs/deploy.md, "Agency systems").
   */
  public readonly jwtAudience: string[];
  /** The scopes agencies' systems get (Cognito resource server `motcua`). */
  public readonly agencyResourceServer: UserPoolResourceServer;
  /** Adds the tenant and agency to agency systems' access tokens (V3_0 event). */
  public readonly preTokenGeneration: ApiFunction;
  /** The pool's Cognito domain: agencies' systems get tokens at `<baseUrl>/oauth2/token`. */
  public readonly tokenDomain: UserPoolDomain;
  /** Citizens' providers and app clients, when the stage configures any (docs/citizens.md). */
  public readonly citizenIdentity?: CitizenIdentity;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      // Staff accounts are created by tenant admins, never by whoever finds the sign-up page.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // A user belongs to one province for life: every key begins with it.
        [CUSTOM_ATTRIBUTES.tenant]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        // Staff move between agencies and gain or lose roles; admins update these.
        [CUSTOM_ATTRIBUTES.agency]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        [CUSTOM_ATTRIBUTES.roles]: new StringAttribute({ minLen: 1, maxLen: 256, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      // TOTP only: SMS needs an SNS spend limit and sender registration per country, and is phishable.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection blocks compromised-credential and high-risk sign-ins, and asks
      // for the second factor on risky ones (adaptive authentication), which optional MFA relies on.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Tài khoản Một cửa / Your one-stop shop account',
        emailBody:
          'Tên đăng nhập / username: {username}<br>Mật khẩu tạm / temporary password: {####}<br>' +
          'Hãy đổi mật khẩu khi đăng nhập lần đầu. / Change it at first sign-in.',
      },
      // Invitations and resets: SES from a verified sender when the stage names one; Cognito's
      // own e-mail otherwise (50 a day per account, a trial only).
      email: props.config.sesFromEmail
        ? UserPoolEmail.withSES({
            fromEmail: props.config.sesFromEmail,
            fromName: 'Một cửa',
            sesRegion: props.config.sesRegion ?? this.region,
          })
        : UserPoolEmail.withCognito(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional by design: many citizens and counter staff have no authenticator app. Users may ' +
        'enrol TOTP; threat protection (below) blocks compromised passwords and demands the second ' +
        'factor on high-risk sign-ins, blocking them for users without one.',
    );
    this.adaptiveAuthentication();

    this.userPoolClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret.
      generateSecret: false,
      // Staff only: citizens' providers have their own clients (CitizenIdentity).
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // SRP keeps the password off the wire; refresh tokens are always allowed by Cognito.
      authFlows: { userSrp: true },
      // No hosted UI: without this CDK enables OAuth flows with an example.com callback.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...Object.values(CUSTOM_ATTRIBUTES)),
      // Users may change their display name only: if they could write tenant, agency or roles
      // (UpdateUserAttributes with their own token) they could grant themselves any role.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.cliClient = this.userPool.addClient('CliClient', {
      generateSecret: false,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // A script signs in again rather than keeping a long-lived refresh token on disk.
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...Object.values(CUSTOM_ATTRIBUTES)),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // Spelled out (as CDK's own HttpUserPoolAuthorizer does) rather than the pool's ProviderURL
    // attribute, so it is exactly the `iss` claim: scheme included.
    this.jwtIssuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.agencyResourceServer = this.agencySystems();
    // The client-credentials grant is served only on a domain of the pool. A Cognito prefix domain
    // needs no certificate; prefixes are global per region, so the stage and account make it unique.
    this.tokenDomain = this.userPool.addDomain('TokenDomain', {
      cognitoDomain: { domainPrefix: `motcua-${props.config.stage}-${this.account}` },
    });
    this.preTokenGeneration = this.agencyClaimsTrigger(props);
    this.citizenIdentity = this.citizenSignIn(props);
    this.jwtAudience = [
      this.userPoolClient.userPoolClientId,
      AGENCY_AUDIENCE,
      this.cliClient.userPoolClientId,
      // Citizens' ID tokens have their province's client as audience.
      ...[...(this.citizenIdentity?.clients.values() ?? [])].map((c) => c.userPoolClientId),
    ];

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'CliClientId', { value: this.cliClient.userPoolClientId });
    new CfnOutput(this, 'JwtIssuer', { value: this.jwtIssuer });
    new CfnOutput(this, 'AgencyTokenEndpoint', { value: `${this.tokenDomain.baseUrl()}/oauth2/token` });
  }

  /**
   * The resource server whose scopes agencies' app clients are given (shared/platform/claims.ts).
   * The app clients themselves are made at run time by the registration route, one per system.
   */
  private agencySystems(): UserPoolResourceServer {
    const scope = (full: string, description: string) =>
      new ResourceServerScope({
        scopeName: full.slice(AGENCY_RESOURCE_SERVER.length + 1),
        scopeDescription: description,
      });
    return this.userPool.addResourceServer('AgencyApi', {
      identifier: AGENCY_RESOURCE_SERVER,
      userPoolResourceServerName: 'motcua agency systems API',
      scopes: [
        scope(AGENCY_SCOPES.read, 'List and read the dossiers at the agency, with attachments'),
        scope(AGENCY_SCOPES.act, 'Take step actions on the dossiers at the agency'),
      ],
    });
  }

  /**
   * V3_0: the only event version Cognito sends for the client-credentials grant (machine tokens);
   * it needs the Essentials or Plus feature plan (this pool is on Plus). The function may only read
   * items by key from the table: it looks up one registry item per token.
   */
  private agencyClaimsTrigger(props: AuthStackProps): ApiFunction {
    const fn = new ApiFunction(this, 'PreTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.ts',
      description: 'Adds tenant and agency to agency systems access tokens',
      logRetention: props.config.logRetention,
      logRemovalPolicy: props.config.logRemovalPolicy,
      timeout: Duration.seconds(5),
    });
    fn.bindTableItems({ table: props.table, actions: ['dynamodb:GetItem'] });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, fn.function, LambdaVersion.V3_0);
    return fn;
  }

  /**
   * Citizens' sign-in through their province's identity provider, when the stage configures one:
   * the providers and clients, and the configured tenants for the trigger (it accepts federated
   * users of these provinces only). Nothing at all otherwise, so such a stage's template is as before.
   */
  private citizenSignIn(props: AuthStackProps): CitizenIdentity | undefined {
    const providers = props.config.citizenIdentityProviders;
    if (providers.length === 0) return undefined;
    const citizens = new CitizenIdentity(this, 'CitizenIdentity', { userPool: this.userPool, providers });
    this.preTokenGeneration.function.addEnvironment(
      ENV.citizenTenants,
      providers.map((p) => p.tenant).join(','),
    );
    // Where the citizen app sends the browser: <domain>/oauth2/authorize?identity_provider=citizen-<tenant>…
    new CfnOutput(this, 'CitizenSignInDomain', { value: this.tokenDomain.baseUrl() });
    for (const [tenant, client] of citizens.clients)
      new CfnOutput(this, `CitizenClientId-${tenant}`, {
        description: `App client of ${tenant}'s citizens`,
        value: client.userPoolClientId,
      });
    return citizens;
  }

  /** What threat protection does with risky sign-ins (the pool's default is to only score them). */
  private adaptiveAuthentication(): void {
    // notify: false everywhere: notifications need an SES identity this app does not own yet.
    const action = (eventAction: 'NO_ACTION' | 'MFA_IF_CONFIGURED' | 'MFA_REQUIRED') => ({
      eventAction,
      notify: false,
    });
    new CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: action('NO_ACTION'),
          mediumAction: action('MFA_IF_CONFIGURED'),
          highAction: action('MFA_REQUIRED'),
        },
      },
      compromisedCredentialsRiskConfiguration: {
        actions: { eventAction: 'BLOCK' },
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE'],
      },
    });
  }
}

import { Stack, type CfnElement } from 'aws-cdk-lib';
import { AGENCY_AUDIENCE } from '../../shared/platform/claims';
import { Match } from 'aws-cdk-lib/assertions';
import { corsPolicy } from '../../shared/api/cors';
import { ROUTES, routeKey, type RouteDef, type RouteId } from '../../shared/api/routes';
import { ENV } from '../../shared/platform/env';
import { buildTestApp, errorsOrThrottlesAlarm, literal, roleLogicalId } from './fixture';
import { USER_ADMIN_ACTIONS } from '../../infra/constructs/api-function';

const testApp = buildTestApp();
const { api } = testApp.stacks;
const template = testApp.template(api);

const routes: readonly RouteDef[] = ROUTES;
const byAuth = (auth: RouteDef['auth']) =>
  routes.filter((r) => r.auth === auth).map((r) => [r.id, r] as const);
const byTableAccess = (access: RouteDef['access']['table']) =>
  routes.filter((r) => r.access.table === access).map((r) => [r.id, r] as const);
const byRouteId = (...ids: string[]) =>
  ids.map((id) => [id, routes.find((r) => r.id === id) as RouteDef] as const);

/** The function of a route, found by the description ApiRoute gives it (`<route key>: <summary>`). */
const functionOf = (route: RouteDef, props: Record<string, unknown>) =>
  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: Match.stringLikeRegexp(`^${literal(routeKey(route))}: `),
    ...props,
  });

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of every policy attached to a route's function role. */
function statementsOf(route: RouteDef): Statement[] {
  const fn = api.functions[route.id as keyof typeof api.functions];
  // What the function reaches: its execution role's grants and, for a tenant-scoped route, those
  // of its tenant data role (tests/infra/tenant-scoped.test.ts proves the latter's conditions).
  const scoped = api.tenantDataRoles[route.id as RouteId];
  const roles = [
    roleLogicalId(fn),
    ...(scoped ? [Stack.of(scoped).getLogicalId(scoped.node.defaultChild as CfnElement)] : []),
  ];
  return roles.flatMap((role) =>
    Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: role }]) } }),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]),
  );
}

/** All actions granted to a route's function. */
const actionsOf = (route: RouteDef): string[] => statementsOf(route).flatMap((s) => s.Action);

/** `/staging/*` for a resource `Fn::Join ['', [<bucket ARN import>, '/staging/*']]`. */
function areaOf(s: Statement): string | undefined {
  const parts = (s.Resource as { 'Fn::Join'?: [string, unknown[]] })?.['Fn::Join']?.[1];
  const tail = parts?.[parts.length - 1];
  // A tenant data role's objects are `<area>/${aws:PrincipalTag/tenant}/*`: the same area.
  const area = typeof tail === 'string' ? tail.replace('/${aws:PrincipalTag/tenant}/', '/') : undefined;
  return area?.endsWith('*') ? area : undefined;
}

/** S3 object actions per area of the bucket, sorted. */
function bucketGrantsOf(route: RouteDef): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of statementsOf(route)) {
    const area = areaOf(s);
    if (area) out[area] = [...(out[area] ?? []), ...[s.Action].flat()].sort();
  }
  return out;
}

describe('ApiStack', () => {
  describe('HTTP API', () => {
    it('is an HTTP API (not REST) with CORS for the methods the route table uses', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: Match.objectLike({
          AllowMethods: Match.arrayWith(['GET', 'POST']),
          AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']),
        }),
      });
    });

    it('configures CORS exactly as the shared policy says, which the offline gateway answers from too', () => {
      const policy = corsPolicy(testApp.config.allowedOrigins);
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        CorsConfiguration: {
          AllowOrigins: [...policy.allowOrigins],
          AllowMethods: [...policy.allowMethods],
          AllowHeaders: [...policy.allowHeaders],
          ExposeHeaders: [...policy.exposeHeaders],
          AllowCredentials: false,
          MaxAge: policy.maxAgeSeconds,
        },
      });
    });

    it('has a JWT authorizer trusting the user pool issuer, the web client and the agency audience', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Issuer: {
            'Fn::Join': [
              '',
              ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', Match.anyValue()],
            ],
          },
          // Agency systems' access tokens carry AGENCY_AUDIENCE (added by the pre-token trigger).
          // And the CLI client's ID tokens (`npm run token`, USER_PASSWORD_AUTH).
          Audience: [
            { 'Fn::ImportValue': Match.stringLikeRegexp('-Auth:.*WebClient') },
            AGENCY_AUDIENCE,
            { 'Fn::ImportValue': Match.stringLikeRegexp('-Auth:.*CliClient') },
          ],
        },
      });
    });

    it('logs every request as JSON on the $default stage', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        AccessLogSettings: {
          DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
          Format: Match.serializedJson(
            Match.objectLike({
              requestId: '$context.requestId',
              ip: '$context.identity.sourceIp',
              routeKey: '$context.routeKey',
              status: '$context.status',
              latency: '$context.responseLatency',
              integrationError: '$context.integrationErrorMessage',
            }),
          ),
        },
      });
    });

    it('throttles the stage by default', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        DefaultRouteSettings: {
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        },
      });
    });

    it('keeps every log group, access and function logs alike, for the stage retention', () => {
      template.allResourcesProperties('AWS::Logs::LogGroup', {
        RetentionInDays: testApp.config.logRetention,
      });
    });

    it('alarms on 5xx answers', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/ApiGateway',
        MetricName: '5xx',
        AlarmActions: [Match.anyValue()],
      });
    });
  });

  describe('routes', () => {
    it.each(byAuth('user'))('requires a JWT on %s when its auth is user', (_id, route) => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey(route),
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: Match.anyValue() },
      });
    });

    it.each(byAuth('public'))('lets anyone call %s when its auth is public', (_id, route) => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey(route),
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
    });

    it('binds the catch-all $default route to its own function', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: '$default',
        Target: Match.anyValue(),
      });
    });
  });

  describe('functions', () => {
    it.each(routes.map((r) => [r.id, r] as const))(
      'runs %s on Node 22, arm64, traced, 512 MB, 10 s',
      (_id, route) => {
        functionOf(route, {
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          MemorySize: 512,
          Timeout: 10,
          Handler: 'index.handler',
        });
      },
    );

    it.each(routes.map((r) => [r.id, r] as const))(
      'configures Powertools and source maps for %s',
      (_id, route) => {
        functionOf(route, {
          Environment: {
            Variables: Match.objectLike({
              POWERTOOLS_SERVICE_NAME: Match.anyValue(),
              POWERTOOLS_METRICS_NAMESPACE: Match.anyValue(),
              NODE_OPTIONS: '--enable-source-maps',
            }),
          },
          LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: { Ref: Match.anyValue() } }),
        });
      },
    );

    it.each(routes.filter((r) => r.access.table).map((r) => [r.id, r] as const))(
      'tells %s the table name when it has table access',
      (_id, route) => {
        functionOf(route, {
          Environment: { Variables: Match.objectLike({ [ENV.tableName]: Match.anyValue() }) },
        });
      },
    );

    it.each(routes.filter((r) => !r.access.bucket).map((r) => [r.id, r] as const))(
      'does not tell %s the bucket name when it has no bucket access',
      (_id, route) => {
        functionOf(route, {
          Environment: { Variables: Match.objectLike({ [ENV.bucketName]: Match.absent() }) },
        });
      },
    );

    it.each(routes.map((r) => [r.id, r] as const))(
      'tells %s the API stage URL (PUBLIC_BASE_URL) exactly when its access names publicBaseUrl',
      (_id, route) => {
        const stageUrl = Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['https://'])]) });
        functionOf(route, {
          Environment: {
            Variables: Match.objectLike({
              [ENV.publicBaseUrl]: route.access.publicBaseUrl ? stageUrl : Match.absent(),
            }),
          },
        });
      },
    );

    it.each(ROUTES.map((r) => [r.id]))('alarms on errors and throttles of %s', (id) => {
      const fn = testApp.stacks.api.functions[id as RouteId];
      const logicalId = Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', errorsOrThrottlesAlarm({ Ref: logicalId }));
    });
  });

  describe('least privilege', () => {
    it.each(byTableAccess('read'))(
      'lets %s read the table but not write it when its access is read',
      (_id, route) => {
        // Its fair-share buckets and audit appends aside: statements held to them by a condition
        // (fair-share.test.ts, audit.test.ts).
        const actions = statementsOf(route)
          .filter(
            (s) => !/RATE#|#AUDIT#/.test(JSON.stringify((s as { Condition?: unknown }).Condition ?? {})),
          )
          .flatMap((s) => s.Action);
        expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
        expect(actions).not.toEqual(expect.arrayContaining(['dynamodb:PutItem']));
        expect(actions).not.toEqual(expect.arrayContaining(['dynamodb:UpdateItem']));
        expect(actions).not.toEqual(expect.arrayContaining(['dynamodb:DeleteItem']));
      },
    );

    it.each(byTableAccess('readWrite'))(
      'lets %s write the table when its access is readWrite',
      (_id, route) => {
        expect(actionsOf(route)).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      },
    );

    it.each(routes.map((r) => [r.id, r] as const))(
      'never lets %s scan the table across tenants',
      (_id, route) => {
        expect(actionsOf(route)).not.toContain('dynamodb:Scan');
      },
    );

    it.each(routes.filter((r) => !r.access.table).map((r) => [r.id, r] as const))(
      'gives %s no DynamoDB action when it declares no table access',
      (_id, route) => {
        expect(actionsOf(route).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
      },
    );

    it.each(byRouteId('createAttachment', 'createAttachmentByReceipt'))(
      'lets %s, which signs upload URLs, put objects in staging/ only: no URL it signs can write a stored scan',
      (_id, route) => {
        expect(bucketGrantsOf(route)).toEqual({ '/staging/*': ['s3:PutObject'] });
      },
    );

    it.each(byRouteId('confirmAttachment', 'confirmAttachmentByReceipt'))(
      'lets %s read and delete (versions too) in staging/ and only put in stored/',
      (_id, route) => {
        expect(bucketGrantsOf(route)).toEqual({
          '/staging/*': ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObject', 's3:GetObjectVersion'],
          '/stored/*': ['s3:PutObject'],
        });
      },
    );

    it.each(byRouteId('downloadAttachment'))(
      'lets %s read (versions too) in stored/ only, so it never signs a link to an unchecked upload',
      (_id, route) => {
        expect(bucketGrantsOf(route)).toEqual({ '/stored/*': ['s3:GetObject', 's3:GetObjectVersion'] });
      },
    );

    // The confirm step, signed in or with the receipt secret (one implementation: attachments-upload.ts).
    it('gives no route but the confirm routes a write to stored/', () => {
      const writers = routes.filter((r) => bucketGrantsOf(r)['/stored/*']?.includes('s3:PutObject'));
      expect(writers.map((r) => r.id)).toEqual(['confirmAttachment', 'confirmAttachmentByReceipt']);
    });

    it.each(routes.filter((r) => r.access.bucket).map((r) => [r.id, r] as const))(
      'grants %s S3 object actions only under staging/ or stored/, never on the whole bucket',
      (_id, route) => {
        const objectStatements = statementsOf(route).filter((s) =>
          [s.Action].flat().some((a) => a.startsWith('s3:') && a !== 's3:ListBucket'),
        );
        expect(objectStatements.length).toBeGreaterThan(0);
        for (const s of objectStatements) expect(['/staging/*', '/stored/*']).toContain(areaOf(s));
      },
    );

    it.each(routes.filter((r) => !r.access.bucket).map((r) => [r.id, r] as const))(
      'gives %s no S3 action when it declares no bucket access',
      (_id, route) => {
        expect(actionsOf(route).filter((a) => a.startsWith('s3:'))).toEqual([]);
      },
    );

    it('attaches no AWS managed policy to any function role', () => {
      template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    });
  });

  describe('agency clients (Cognito app clients of agencies’ systems)', () => {
    const cognitoActions = (route: RouteDef) => actionsOf(route).filter((a) => a.startsWith('cognito-idp:'));

    it.each(routes.filter((r) => r.access.cognito === 'agencyClients').map((r) => [r.id, r] as const))(
      '%s may create, describe and delete app clients of the user pool only, and knows its id',
      (_id, route) => {
        expect(cognitoActions(route).sort()).toEqual([
          'cognito-idp:CreateUserPoolClient',
          'cognito-idp:DeleteUserPoolClient',
          'cognito-idp:DescribeUserPoolClient',
        ]);
        const resources = statementsOf(route)
          .filter((st) => JSON.stringify(st.Action).includes('cognito-idp:'))
          .map((st) => JSON.stringify(st.Resource));
        expect(resources).toEqual([expect.stringMatching(/UserPool.*Arn/)]);
        functionOf(route, {
          Environment: { Variables: Match.objectLike({ [ENV.userPoolId]: Match.anyValue() }) },
        });
      },
    );

    it.each(routes.filter((r) => r.access.cognito === 'users').map((r) => [r.id, r] as const))(
      '%s may create, read, update, enable, disable and delete users of the user pool only, and knows its id',
      (_id, route) => {
        expect(cognitoActions(route).sort()).toEqual([...USER_ADMIN_ACTIONS].sort());
        const resources = statementsOf(route)
          .filter((st) => JSON.stringify(st.Action).includes('cognito-idp:'))
          .map((st) => JSON.stringify(st.Resource));
        expect(resources).toEqual([expect.stringMatching(/UserPool.*Arn/)]);
        functionOf(route, {
          Environment: { Variables: Match.objectLike({ [ENV.userPoolId]: Match.anyValue() }) },
        });
      },
    );

    it('gives the user admin grants to the staff-changing routes and tenant creation only', () => {
      expect(routes.filter((r) => r.access.cognito === 'users').map((r) => r.id)).toEqual([
        'createTenant',
        'createStaff',
        'updateStaff',
        'addTenantAdmin',
        'deleteStaff',
      ]);
    });

    it.each(routes.filter((r) => !r.access.cognito).map((r) => [r.id, r] as const))(
      '%s gets no Cognito grant and no user pool id',
      (_id, route) => {
        expect(cognitoActions(route)).toEqual([]);
        functionOf(route, {
          Environment: { Variables: Match.objectLike({ [ENV.userPoolId]: Match.absent() }) },
        });
      },
    );
  });
});

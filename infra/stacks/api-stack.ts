/**
 * The HTTP API: one route and one function per entry of the route table (shared/api/routes.ts), a
 * Cognito JWT authorizer on `auth: 'user'` routes, JSON access logs, throttling, CORS and alarms.
 * No route is written here by hand: add one to the table and it appears, offline and in AWS.
 *
 * The routes' handlers (function, role, policy, log group, integration, permission, alarm: seven
 * resources a route) live in one nested stack per route group (infra/constructs/route-groups.ts,
 * infra/stacks/api-routes-stack.ts); this stack keeps the API, its stage, the authorizer, the
 * routes themselves and the API's alarms. One stack held 455 of CloudFormation's 500 resources at
 * 56 routes (docs/deploy.md, "Route groups").
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  type CorsPreflightOptions,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Role } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { corsPolicy, type CorsPolicy } from '../../shared/api/cors';
import { ROUTES, routeKey, type RouteId } from '../../shared/api/routes';
import { addApiAlarms } from '../constructs/alarms';
import { ApiRoute } from '../constructs/api-route';
import { ApiStage } from '../constructs/api-stage';
import { groupRoutes, groupStackId } from '../constructs/route-groups';
import type { StageConfig } from '../stage';
import { ApiRoutesStack } from './api-routes-stack';
import type { SharedBucketRef } from './data-stack';

export interface ApiStackProps extends StackProps {
  readonly config: StageConfig;
  readonly table: ITableV2;
  /** Wraps tenants' personal-data keys (Data stack). */
  readonly personalDataKey?: IKey;
  /** The attachments bucket, by its named exports (see DataStack.sharedBucket). */
  readonly bucket: SharedBucketRef;
  /** Token issuer (the user pool) and accepted client ids. */
  readonly jwtIssuer: string;
  readonly jwtAudience: string[];
  /** The pool agencies' app clients are made in (the agency-clients admin routes). */
  readonly userPool: IUserPool;
  readonly alarmTopic: ITopic;
}

/**
 * Steady rate and burst for the whole stage (per-account default is 10 000 / 5 000). A province's
 * counters and citizens stay far below; a runaway client or scraper hits this before the table.
 */
const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/**
 * Each public route (no token) that reads the table is capped lower than the stage's default
 * (docs/fair-share.md): the public as a whole, however many addresses it comes from, cannot take
 * more than this of the account's Lambda concurrency and the table, so staff routes keep theirs.
 * Per client and per tenant, the functions' own buckets decide (shared/platform/fair-share-gate.ts).
 */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

export class ApiStack extends Stack {
  public readonly api: HttpApi;
  public readonly stage: ApiStage;
  /** The function behind each route, by route id (each in its group's nested stack). */
  public readonly functions: Readonly<Record<RouteId, NodejsFunction>>;
  /** The tenant data role of each tenant-scoped route (infra/constructs/tenant-data-role.ts). */
  public readonly tenantDataRoles: Readonly<Partial<Record<RouteId, Role>>>;
  /** The nested stack of each route group, by group name. */
  public readonly routeGroups: ReadonlyMap<string, ApiRoutesStack>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${config.prefix}-api`,
      description: 'Một cửa: public and staff API of the hosted one-stop shop',
      // Replaced by ApiStage, which has access logs and throttling.
      createDefaultStage: false,
      // The offline gateway answers from the same policy (shared/api/cors.ts).
      corsPreflight: corsPreflight(corsPolicy(config.allowedOrigins)),
    });

    this.stage = new ApiStage(this, 'DefaultStage', {
      httpApi: this.api,
      throttle: STAGE_THROTTLE,
      logRetention: config.logRetention,
      logRemovalPolicy: config.logRemovalPolicy,
    });

    // Made directly (HttpJwtAuthorizer would make it on first use, beside a route), at the path the
    // L2 gives it, so it stays where it was: under the API, in this stack.
    const userAuthorizer = new HttpAuthorizer(this.api, 'CognitoJwt', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      authorizerName: 'CognitoJwt',
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: props.jwtIssuer,
      jwtAudience: props.jwtAudience,
    });
    const bucket = Bucket.fromBucketAttributes(this, 'AttachmentsBucket', props.bucket);
    const alarmAction = new SnsAction(props.alarmTopic);

    const functions: Partial<Record<RouteId, NodejsFunction>> = {};
    const tenantDataRoles: Partial<Record<RouteId, Role>> = {};
    const routeGroups = new Map<string, ApiRoutesStack>();
    const apiRoutes: ApiRoute[] = [];
    for (const [group, routes] of groupRoutes(ROUTES)) {
      const nested = new ApiRoutesStack(this, groupStackId(group), {
        group,
        routes,
        httpApi: this.api,
        table: props.table,
        bucket,
        userPool: props.userPool,
        publicBaseUrl: this.stage.stage.url,
        personalDataKey: props.personalDataKey,
        alarmAction,
        logRetention: config.logRetention,
        logRemovalPolicy: config.logRemovalPolicy,
      });
      routeGroups.set(group, nested);
      for (const route of routes) {
        const handler = nested.handlers.get(route.id)!;
        functions[route.id] = handler.handler.function;
        if (handler.tenantData) tenantDataRoles[route.id] = handler.tenantData.role;
        apiRoutes.push(
          new ApiRoute(this, route.id, {
            route,
            httpApi: this.api,
            userAuthorizer,
            integration: handler.integration,
          }),
        );
      }
    }
    this.functions = functions as Record<RouteId, NodejsFunction>;
    this.tenantDataRoles = tenantDataRoles;
    this.routeGroups = routeGroups;
    this.stage.throttleRoutes(
      Object.fromEntries(
        ROUTES.filter((r) => r.auth === 'public' && 'table' in r.access).map((r) => [
          routeKey(r),
          PUBLIC_ROUTE_THROTTLE,
        ]),
      ),
      apiRoutes.map((r) => r.cfnRoute),
    );

    addApiAlarms(this, this.api, alarmAction);

    new CfnOutput(this, 'ApiUrl', { value: this.stage.stage.url, description: 'Base URL of the API' });
  }
}

/** The shared CORS policy in CDK's terms. */
function corsPreflight(policy: CorsPolicy): CorsPreflightOptions {
  return {
    allowOrigins: [...policy.allowOrigins],
    allowMethods: policy.allowMethods.map((m) => CorsHttpMethod[m as keyof typeof CorsHttpMethod]),
    allowHeaders: [...policy.allowHeaders],
    exposeHeaders: [...policy.exposeHeaders],
    allowCredentials: policy.allowCredentials,
    maxAge: Duration.seconds(policy.maxAgeSeconds),
  };
}

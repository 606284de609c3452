/**
 * One entry of the route table made real, in two halves (docs/deploy.md, "Route groups"):
 *
 * - `RouteHandler`, in the route's group stack (a nested stack): its function (with the grants its
 *   `access` declares), the Lambda integration, the permission for API Gateway to invoke it, and its
 *   alarm. Seven of the eight resources a route costs, so the parent stack stays far below
 *   CloudFormation's 500 resources however many routes come.
 * - `ApiRoute`, in the Api stack itself: the HTTP API route (JWT-protected unless `auth: 'public'`),
 *   pointing at the handler's integration. It stays in the parent with the logical id it always had:
 *   API Gateway refuses a second route with the same key (409), so a route moved to a new logical id
 *   could not be deployed over an existing stage; kept in place it is updated, not replaced.
 */
import { Stack, type RemovalPolicy } from 'aws-cdk-lib';
import {
  CfnRoute,
  HttpIntegration,
  HttpIntegrationType,
  HttpMethod,
  HttpRouteKey,
  PayloadFormatVersion,
  type IHttpApi,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { routeKey, type RouteDef } from '../../shared/api/routes';
import { grantAuditAppend, grantRateBuckets } from './access';
import { addFunctionAlarms } from './alarms';
import { ApiFunction } from './api-function';
import { acknowledge } from './nag';
import { grantPlatformItems, TenantDataRole } from './tenant-data-role';
import { isTenantScoped } from '../../shared/api/tenant-scope';
import { ENV } from '../../shared/platform/env';

/** `$default` stays the catch-all; anything else is `METHOD /path`, as in `routeKey()`. */
export function httpRouteKey(route: RouteDef): HttpRouteKey {
  const key =
    route.path === '$default'
      ? HttpRouteKey.DEFAULT
      : HttpRouteKey.with(route.path, HttpMethod[route.method]);
  if (key.key !== routeKey(route)) {
    throw new Error(
      `Route ${route.id}: CDK route key "${key.key}" differs from the route table's "${routeKey(route)}"`,
    );
  }
  return key;
}

export interface RouteHandlerProps {
  readonly route: RouteDef;
  readonly httpApi: IHttpApi;
  readonly table: ITableV2;
  readonly bucket: IBucket;
  /** For routes whose access names `cognito` (agencies' app clients, staff). */
  readonly userPool: IUserPool;
  /** The stage's URL, for routes whose access names `publicBaseUrl`. */
  readonly publicBaseUrl?: string;
  /** For routes whose access names `personalData`. */
  readonly personalDataKey?: IKey;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

/** A route's function, its integration with the API, the permission to invoke it and its alarm. */
export class RouteHandler extends Construct {
  public readonly handler: ApiFunction;
  public readonly integration: HttpIntegration;
  /** The role its use case runs with, per tenant, when the route is tenant-scoped. */
  public readonly tenantData?: TenantDataRole;

  constructor(scope: Construct, id: string, props: RouteHandlerProps) {
    super(scope, id);
    const { route } = props;

    this.handler = new ApiFunction(this, 'Handler', {
      entry: route.entry,
      description: `${routeKey(route)}: ${route.summary}`.slice(0, 256),
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // A tenant-scoped route (shared/api/tenant-scope.ts) reaches its table and bucket through its
    // tenant data role; its execution role keeps the platform items only.
    const scoped = isTenantScoped(route);
    const { table: _table, bucket: _bucket, ...rest } = route.access;
    this.handler.bindAccess(scoped ? rest : route.access, {
      table: props.table,
      bucket: props.bucket,
      userPool: props.userPool,
      publicBaseUrl: props.publicBaseUrl,
      personalDataKey: props.personalDataKey,
    });
    if (scoped) {
      if (route.access.table !== undefined)
        this.handler.function.addEnvironment(ENV.tableName, props.table.tableName);
      if (route.access.bucket !== undefined)
        this.handler.function.addEnvironment(ENV.bucketName, props.bucket.bucketName);
      this.tenantData = new TenantDataRole(this, 'TenantData', {
        fn: this.handler,
        access: route.access,
        table: props.table,
        bucket: props.bucket,
      });
      // The gates (suspension, fair share) run with the execution role, before the use case.
      grantPlatformItems(this.handler.role, props.table);
    } else {
      // Every route with table access goes through the fair-share gate, which writes its buckets
      // (shared/platform/fair-share-gate.ts); a readWrite route may already.
      if (route.access.table === 'read') grantRateBuckets(this.handler.role, props.table);
      // A read route that records personal-data reads appends to the audit log, and only that.
      if (route.access.table === 'read' && 'audit' in route.access && route.access.audit)
        grantAuditAppend(this.handler.role, props.table);
    }

    const fn = this.handler.function;
    // What HttpLambdaIntegration makes, made here rather than beside the route: it belongs with the
    // function, in this stack (payload 2.0, invoke permission scoped to the route's path).
    this.integration = new HttpIntegration(this, 'Integration', {
      httpApi: props.httpApi,
      integrationType: HttpIntegrationType.AWS_PROXY,
      integrationUri: fn.functionArn,
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    });
    fn.addPermission('ApiPermission', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: Stack.of(this).formatArn({
        service: 'execute-api',
        resource: props.httpApi.apiId,
        resourceName: `*/*${route.path === '$default' ? '' : route.path}`,
      }),
    });

    addFunctionAlarms(this, fn, route.id, props.alarmAction);
  }
}

export interface ApiRouteProps {
  readonly route: RouteDef;
  readonly httpApi: IHttpApi;
  /** Used on `auth: 'user'` routes; must already be in the API's stack (see ApiStack). */
  readonly userAuthorizer: { readonly authorizerId: string };
  /** The route's integration (RouteHandler.integration). */
  readonly integration: HttpIntegration;
}

/** The HTTP API route of one route table entry, in the API's own stack. */
export class ApiRoute extends Construct {
  public readonly cfnRoute: CfnRoute;

  constructor(scope: Construct, id: string, props: ApiRouteProps) {
    super(scope, id);
    const { route } = props;
    const isPublic = route.auth === 'public';

    // L1 at the path the L2 HttpRoute had (`<id>/Route/Resource`), so the logical id is unchanged
    // (see the file comment); the L2 would also make the integration beside itself, in this stack.
    this.cfnRoute = new CfnRoute(new Construct(this, 'Route'), 'Resource', {
      apiId: props.httpApi.apiId,
      routeKey: httpRouteKey(route).key,
      target: `integrations/${props.integration.integrationId}`,
      // Explicitly "NONE" rather than absent, so a default authorizer added to the API later cannot
      // silently lock citizens out of the catalog and tracking pages.
      authorizationType: isPublic ? 'NONE' : 'JWT',
      authorizerId: isPublic ? undefined : props.userAuthorizer.authorizerId,
    });
    if (isPublic) {
      acknowledge(
        this.cfnRoute,
        'AwsSolutions-APIG4',
        `Public by design (auth: 'public' in the route table): ${routeKey(route)} answers without a token, ` +
          'as the citizen-facing catalog, tracking by dossier code, the API description and the 404 catch-all ' +
          'must; the handler returns only data meant for the public and the stage throttle applies.',
      );
    }
  }
}

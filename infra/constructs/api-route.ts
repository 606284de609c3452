/**
 * One entry of the route table made real: its function (with the grants its `access` declares),
 * its HTTP API route (JWT-protected unless `auth: 'public'`), and its alarms.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { routeKey, type RouteDef } from '../../shared/api/routes';
import { addFunctionAlarms } from './alarms';
import { ApiFunction } from './api-function';
import { acknowledge } from './nag';
import { grantAuditAppend, grantRateBuckets } from './access';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';

export interface ApiRouteProps {
  readonly route: RouteDef;
  readonly httpApi: IHttpApi;
  /** Used on `auth: 'user'` routes. */
  readonly userAuthorizer: IHttpRouteAuthorizer;
  readonly table: ITableV2;
  readonly bucket: IBucket;
  /** For routes whose access names `cognito` (agencies' app clients). */
  readonly userPool: IUserPool;
  /** The stage's URL, for routes whose access names `publicBaseUrl`. */
  readonly publicBaseUrl?: string;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

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

export class ApiRoute extends Construct {
  public readonly handler: ApiFunction;
  public readonly httpRoute: HttpRoute;

  constructor(scope: Construct, id: string, props: ApiRouteProps) {
    super(scope, id);
    const { route } = props;

    this.handler = new ApiFunction(this, 'Handler', {
      entry: route.entry,
      description: `${routeKey(route)}: ${route.summary}`.slice(0, 256),
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.handler.bindAccess(route.access, {
      table: props.table,
      bucket: props.bucket,
      userPool: props.userPool,
      publicBaseUrl: props.publicBaseUrl,
    });
    // Every route with table access goes through the fair-share gate, which writes its buckets
    // (shared/platform/fair-share-gate.ts); a readWrite route may already.
    if (route.access.table === 'read') grantRateBuckets(this.handler.role, props.table);
    // A read route that records personal-data reads appends to the audit log, and only that.
    if (route.access.table === 'read' && 'audit' in route.access && route.access.audit)
      grantAuditAppend(this.handler.role, props.table);

    const isPublic = route.auth === 'public';
    this.httpRoute = new HttpRoute(this, 'Route', {
      httpApi: props.httpApi,
      routeKey: httpRouteKey(route),
      integration: new HttpLambdaIntegration(`${id}Integration`, this.handler.function),
      // Explicitly "none" rather than absent, so a default authorizer added to the API later cannot
      // silently lock citizens out of the catalog and tracking pages.
      authorizer: isPublic ? new HttpNoneAuthorizer() : props.userAuthorizer,
    });
    if (isPublic) {
      acknowledge(
        this.httpRoute,
        'AwsSolutions-APIG4',
        `Public by design (auth: 'public' in the route table): ${routeKey(route)} answers without a token, ` +
          'as the citizen-facing catalog, tracking by dossier code, the API description and the 404 catch-all ' +
          'must; the handler returns only data meant for the public and the stage throttle applies.',
      );
    }

    addFunctionAlarms(this, this.handler.function, route.id, props.alarmAction);
  }
}

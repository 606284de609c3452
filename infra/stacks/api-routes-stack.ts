/**
 * One route group's handlers (infra/constructs/route-groups.ts): a nested stack of the Api stack
 * holding, per route, its function, role, policy, log group, integration, invoke permission and
 * alarm. The HTTP API, its stage, the authorizer and the routes themselves stay in the parent.
 * CloudFormation counts a nested stack as one resource of its parent and gives it its own 500.
 * CDK passes what the handlers use from the parent (the API id, the stage URL) as parameters and
 * what the parent or other stacks use from here (integration ids, function names) as outputs.
 */
import { NestedStack, type NestedStackProps, type RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { RouteDef } from '../../shared/api/routes';
import { RouteHandler } from '../constructs/api-route';

export interface ApiRoutesStackProps extends NestedStackProps {
  /** The group's name and its routes. */
  readonly group: string;
  readonly routes: readonly RouteDef[];
  readonly httpApi: IHttpApi;
  readonly table: ITableV2;
  readonly bucket: IBucket;
  readonly userPool: IUserPool;
  readonly publicBaseUrl: string;
  readonly personalDataKey?: IKey;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

export class ApiRoutesStack extends NestedStack {
  /** Each route's handler, by route id. */
  public readonly handlers: ReadonlyMap<string, RouteHandler>;

  constructor(scope: Construct, id: string, props: ApiRoutesStackProps) {
    super(scope, id, { ...props, description: `Một cửa: handlers of the ${props.group} routes` });
    const handlers = new Map<string, RouteHandler>();
    for (const route of props.routes) {
      handlers.set(
        route.id,
        new RouteHandler(this, route.id, {
          route,
          httpApi: props.httpApi,
          table: props.table,
          bucket: props.bucket,
          userPool: props.userPool,
          publicBaseUrl: props.publicBaseUrl,
          personalDataKey: props.personalDataKey,
          alarmAction: props.alarmAction,
          logRetention: props.logRetention,
          logRemovalPolicy: props.logRemovalPolicy,
        }),
      );
    }
    this.handlers = handlers;
  }
}

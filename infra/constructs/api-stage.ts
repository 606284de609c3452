/**
 * The HTTP API's `$default` stage, created by hand because `HttpApi`'s built-in default stage
 * accepts neither access logging nor throttling.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { IDependable } from 'constructs';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  HttpStage,
  LogGroupLogDestination,
  type IHttpApi,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { accessLogFormat } from '../../shared/api/access-log';

// The line's fields are one list with the offline gateway's and the API-call counter's.
export { ACCESS_LOG_FIELDS } from '../../shared/api/access-log';

export interface ApiStageProps {
  readonly httpApi: IHttpApi;
  readonly throttle: ThrottleSettings;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

export class ApiStage extends Construct {
  public readonly stage: HttpStage;
  public readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiStageProps) {
    super(scope, id);

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    this.stage = new HttpStage(this, 'Stage', {
      httpApi: props.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(accessLogFormat()),
      },
    });
  }

  /**
   * Route-level throttles (the stage's own apply to every route it does not name): `routes` maps a
   * route key (`GET /v1/public/{tenant}/dossiers/{code}`) to its rate and burst. CloudFormation
   * needs the routes to exist before the stage names them, hence `after`.
   */
  public throttleRoutes(routes: Record<string, ThrottleSettings>, after: readonly IDependable[]): void {
    const cfn = this.stage.node.defaultChild as CfnStage;
    cfn.routeSettings = Object.fromEntries(
      Object.entries(routes).map(([key, t]) => [
        key,
        // The property is untyped JSON, passed to CloudFormation as is: its own (Pascal) case.
        { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit },
      ]),
    );
    for (const dependency of after) this.stage.node.addDependency(dependency);
  }
}

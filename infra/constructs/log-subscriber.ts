/**
 * A function fed by a CloudWatch Logs subscription filter on one of the app's log groups (the API's
 * access log, for counting API calls per tenant: docs/usage.md), built from its function table
 * entry. CloudWatch Logs invokes it asynchronously; the destination grants logs.amazonaws.com the
 * invoke on this function for that log group only.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, SubscriptionFilter, type ILogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LambdaDestination } from 'aws-cdk-lib/aws-logs-destinations';
import { Construct } from 'constructs';
import type { FunctionDef, LogGroupId, LogSubscriptionSource } from '../../shared/api/functions';
import { addFunctionAlarms } from './alarms';
import { ApiFunction, tableFunction, type AccessResources } from './api-function';
import { constructIdOf } from './deadline-clock';

export interface LogSubscriberProps {
  readonly fn: FunctionDef & { readonly source: LogSubscriptionSource };
  /** The log groups an entry may name, by id. */
  readonly logGroups: Readonly<Record<LogGroupId, ILogGroup>>;
  readonly resources?: AccessResources;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

export class LogSubscriber extends Construct {
  public readonly handler: ApiFunction;

  constructor(scope: Construct, id: string, props: LogSubscriberProps) {
    super(scope, id);
    const { fn } = props;
    this.handler = tableFunction(this, fn, props).bindAccess(fn.access, props.resources ?? {});

    new SubscriptionFilter(this, 'Subscription', {
      logGroup: props.logGroups[fn.source.logGroup],
      destination: new LambdaDestination(this.handler.function),
      filterPattern:
        fn.source.filterPattern === ''
          ? FilterPattern.allEvents()
          : FilterPattern.literal(fn.source.filterPattern),
    });

    addFunctionAlarms(this, this.handler.function, constructIdOf(fn), props.alarmAction);
  }
}

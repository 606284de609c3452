/**
 * The stacks of one stage and how they connect. `infra/app.ts` calls this for the stage given on
 * the command line; the infra tests call it with a test stage, so both build the same thing.
 */
import type { App } from 'aws-cdk-lib';
import type { StageConfig } from '../stage';
import { ApiStack } from './api-stack';
import { AuthStack } from './auth-stack';
import { DataStack } from './data-stack';
import { MonitoringStack } from './monitoring-stack';
import { OperationsStack } from './operations-stack';
import { WorkflowStack } from './workflow-stack';

export interface Stacks {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly monitoring: MonitoringStack;
  readonly api: ApiStack;
  readonly workflow: WorkflowStack;
  readonly operations: OperationsStack;
}

export function createStacks(app: App, config: StageConfig): Stacks {
  // No `env`: the stacks are environment-agnostic, so `cdk synth` needs no account or credentials;
  // `cdk deploy` takes account and region from the caller's profile.
  const name = (part: string) => ({ stackName: `${config.prefix}-${part}`, config });

  const data = new DataStack(app, `${config.prefix}-Data`, {
    ...name('Data'),
    description: 'Một cửa: the table and the attachments bucket (retained on delete)',
  });
  const auth = new AuthStack(app, `${config.prefix}-Auth`, {
    ...name('Auth'),
    description: 'Một cửa: Cognito user pool and web client',
    table: data.table,
  });
  const monitoring = new MonitoringStack(app, `${config.prefix}-Monitoring`, {
    ...name('Monitoring'),
    description: 'Một cửa: alarm topic',
  });
  const api = new ApiStack(app, `${config.prefix}-Api`, {
    ...name('Api'),
    description: 'Một cửa: HTTP API, one function per route',
    table: data.table,
    personalDataKey: data.personalDataKey,
    bucket: data.sharedBucket,
    jwtIssuer: auth.jwtIssuer,
    jwtAudience: auth.jwtAudience,
    userPool: auth.userPool,
    alarmTopic: monitoring.alarmTopic,
  });
  // The bucket comes by export name, which CDK cannot see as a dependency.
  api.addStackDependency(data, 'imports the attachments bucket exports');

  const workflow = new WorkflowStack(app, `${config.prefix}-Workflow`, {
    ...name('Workflow'),
    description: 'Một cửa: deadline clocks on Step Functions',
    table: data.table,
    personalDataKey: data.personalDataKey,
    alarmTopic: monitoring.alarmTopic,
    publicBaseUrl: api.stage.stage.url,
    accessLogs: api.stage.accessLogs,
  });

  // Last: the dashboard reads from every stack above.
  const operations = new OperationsStack(app, `${config.prefix}-Operations`, {
    ...name('Operations'),
    description: 'Một cửa: operations dashboard',
    api,
    workflow,
    monitoring,
  });

  return { data, auth, monitoring, api, workflow, operations };
}

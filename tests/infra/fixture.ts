/**
 * Builds the CDK app the way infra/app.ts does, for the infra tests. Each test file calls
 * `buildTestApp()` once at module level: building and synthesizing the app is the slow part.
 * Bundling is skipped (`aws:cdk:bundling-stacks: []`): NodejsFunction then uses a placeholder asset,
 * which keeps the tests fast and lets them run before every handler compiles.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FEATURE_FLAGS } from '../../infra/flags';
import { readStageConfig, type StageConfig } from '../../infra/stage';
import { createStacks, type Stacks } from '../../infra/stacks';

export interface TestApp {
  readonly app: App;
  readonly config: StageConfig;
  readonly stacks: Stacks;
  readonly template: (stack: Stack) => Template;
}

export interface BuildOptions {
  /** Extra context, e.g. `{ domain: 'motcua.example.gov.vn' }`. */
  readonly context?: Record<string, unknown>;
  /**
   * Run CDK's built-in CloudFormation template validation on synth, as `cdk synth` does. Off by
   * default: it takes most of the synth time, and one test covering it is enough.
   */
  readonly cfnValidation?: boolean;
}

export function buildTestApp(options: BuildOptions = {}): TestApp {
  const app = new App({
    context: { ...FEATURE_FLAGS, stage: 'test', 'aws:cdk:bundling-stacks': [], ...options.context },
    builtinCloudFormationValidation: options.cfnValidation ?? false,
  });
  const config = readStageConfig(app.node);
  const stacks = createStacks(app, config);
  const templates = new Map<Stack, Template>();
  return {
    app,
    config,
    stacks,
    // Template.fromStack synthesizes the whole app once and reuses the assembly afterwards.
    template: (stack) => {
      let t = templates.get(stack);
      if (t === undefined) {
        t = Template.fromStack(stack);
        templates.set(stack, t);
      }
      return t;
    },
  };
}

export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly paths: string[];
}

/**
 * The unacknowledged AwsSolutions findings in `stack`. cdk-nag 3 reports through CDK's
 * policy-validation framework, not as annotations, so the pack is run directly on the tree; the app
 * must be synthesized first so cross-stack references have become imports, as in `cdk synth`.
 */
export function nagFindings(testApp: TestApp, stack: Stack): NagFinding[] {
  testApp.app.synth();
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
  return report.violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity ?? 'error',
    paths: v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId ?? '?'),
  }));
}

/** The logical id of a function's execution role, to find its policies in the template. */
export function roleLogicalId(fn: IFunction): string {
  const role = fn.role?.node.defaultChild as CfnRole | undefined;
  if (role === undefined) throw new Error(`${fn.node.path} has no role of its own`);
  return Stack.of(role).getLogicalId(role);
}

/** Escapes a literal for `Match.stringLikeRegexp` (route keys contain `{`, `}` and `$`). */
export const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The one alarm every function gets (infra/constructs/alarms.ts): its errors and throttles summed,
 * firing on the first one, for the function whose name is `functionName` in the template.
 */
export function errorsOrThrottlesAlarm(functionName: unknown): Record<string, unknown> {
  const stat = (id: string, metricName: string) =>
    Match.objectLike({
      Id: id,
      MetricStat: Match.objectLike({
        Metric: {
          Namespace: 'AWS/Lambda',
          MetricName: metricName,
          Dimensions: [{ Name: 'FunctionName', Value: functionName }],
        },
        Stat: 'Sum',
      }),
    });
  return {
    Metrics: Match.arrayWith([
      Match.objectLike({ Expression: 'FILL(errors, 0) + FILL(throttles, 0)', ReturnData: true }),
      stat('errors', 'Errors'),
      stat('throttles', 'Throttles'),
    ]),
    Threshold: 1,
    AlarmActions: [Match.anyValue()],
  };
}

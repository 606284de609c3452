/**
 * Builds the CDK app the way infra/app.ts does, for the infra tests. Each test file calls
 * `buildTestApp()` once at module level: building and synthesizing the app is the slow part, so the
 * app of each set of options is built once per module registry and shared (the infra project runs
 * every file in one registry, ./all-files.ts). The tests only read the app: none adds to it.
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
  /**
   * The stack's template merged with those of all its nested stacks (see `mergedTemplate`): what
   * the stack deploys, wherever CDK put each resource.
   */
  readonly template: (stack: Stack) => Template;
  /** The stack's own template only (the parent without its nested stacks' resources). */
  readonly ownTemplate: (stack: Stack) => Template;
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

const built = new Map<string, TestApp>();

export function buildTestApp(options: BuildOptions = {}): TestApp {
  const key = JSON.stringify([options.cfnValidation ?? false, options.context ?? {}]);
  let testApp = built.get(key);
  if (testApp === undefined) {
    testApp = newTestApp(options);
    built.set(key, testApp);
  }
  return testApp;
}

function newTestApp(options: BuildOptions): TestApp {
  const app = new App({
    context: { ...FEATURE_FLAGS, stage: 'test', 'aws:cdk:bundling-stacks': [], ...options.context },
    builtinCloudFormationValidation: options.cfnValidation ?? false,
  });
  const config = readStageConfig(app.node);
  const stacks = createStacks(app, config);
  const own = new Map<Stack, Template>();
  const merged = new Map<Stack, Template>();
  // Template.fromStack synthesizes the whole app once and reuses the assembly afterwards.
  const ownTemplate = (stack: Stack): Template => {
    let t = own.get(stack);
    if (t === undefined) {
      t = Template.fromStack(stack);
      own.set(stack, t);
    }
    return t;
  };
  return {
    app,
    config,
    stacks,
    ownTemplate,
    template: (stack) => {
      let t = merged.get(stack);
      if (t === undefined) {
        const nested = nestedStacksOf(stack);
        t = nested.length === 0 ? ownTemplate(stack) : mergedTemplate([stack, ...nested].map(ownTemplate));
        merged.set(stack, t);
      }
      return t;
    },
  };
}

/** Every nested stack under `stack`, at any depth (the Api stack's route groups). */
export function nestedStacksOf(stack: Stack): Stack[] {
  return stack.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c !== stack && c.nested);
}

/**
 * One template holding the resources (and parameters, outputs) of a parent stack and its nested
 * stacks. The Api stack's route handlers live in nested stacks (infra/stacks/api-routes-stack.ts),
 * but what the tests prove is about the Api as deployed: every route's function, role, policy and
 * alarm, wherever they are. A reference across the boundary shows as a parameter (`Ref` of
 * `referenceto…`) or a nested stack output (`Fn::GetAtt [<nested>, Outputs.…]`) instead of a plain
 * `Ref`; references inside one stack, such as a policy's role, stay plain `Ref`s. Logical ids are
 * unique per template only, so a clash across the merged templates fails here rather than letting
 * one resource hide another.
 */
export function mergedTemplate(templates: readonly Template[]): Template {
  const sections = ['Parameters', 'Resources', 'Outputs', 'Conditions'] as const;
  const out: Record<string, Record<string, unknown>> = {};
  for (const t of templates) {
    const json = t.toJSON() as Record<string, Record<string, unknown> | undefined>;
    for (const section of sections) {
      for (const [id, value] of Object.entries(json[section] ?? {})) {
        out[section] ??= {};
        if (section === 'Resources' && id in out[section])
          throw new Error(`mergedTemplate: logical id ${id} is in two of the merged templates`);
        out[section][id] = value;
      }
    }
  }
  return Template.fromJSON(out);
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

/**
 * The fixed resources of one deployment, counted from the synthesized CDK app (issue 10 §4: counted,
 * not typed in): the app is built as infra/app.ts builds it (bundling skipped, as in the infra
 * tests), synthesized into a temp directory, and every template of the assembly is read — the
 * top-level stacks' and the nested stacks' (`*.nested.template.json`), so routes moved into nested
 * stacks are still counted. The cost model (bench/cost.ts) prices what has a monthly price.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { FEATURE_FLAGS } from '../infra/flags';
import { readStageConfig } from '../infra/stage';
import { createStacks } from '../infra/stacks';

/** What a deployment holds, by what is billed for it (or free, and said so). */
export interface StackInventory {
  stage: string;
  /** Templates read: top-level stacks and nested stacks. */
  templates: { stacks: number; nested: number };
  alarms: number;
  dashboards: number;
  kmsKeys: number;
  logGroups: number;
  /** Queues (each dead-letter queue is one too). */
  queues: number;
  /** SQS event source mappings: each keeps long-polling its queue while idle. */
  sqsPollers: number;
  /** Table stream mappings: Lambda's reads of a DynamoDB stream are not billed. */
  streamPollers: number;
  lambdaFunctions: number;
  stateMachines: number;
  userPools: number;
  /** Each user pool's feature plan (`UserPoolTier`: LITE, ESSENTIALS, PLUS): it sets the price per MAU. */
  userPoolTiers: string[];
  logSubscriptions: number;
  /** Every resource type and its count, for the report. */
  byType: Record<string, number>;
}

interface Template {
  Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** Reads every template in an assembly directory and counts its resources. */
export function inventoryOf(assemblyDir: string, stage: string): StackInventory {
  const files = readdirSync(assemblyDir).filter((f) => f.endsWith('.template.json'));
  const byType: Record<string, number> = {};
  let sqsPollers = 0;
  let streamPollers = 0;
  const userPoolTiers: string[] = [];
  for (const file of files) {
    const template = JSON.parse(readFileSync(path.join(assemblyDir, file), 'utf8')) as Template;
    for (const resource of Object.values(template.Resources ?? {})) {
      byType[resource.Type] = (byType[resource.Type] ?? 0) + 1;
      if (resource.Type === 'AWS::Cognito::UserPool')
        // CloudFormation's default plan for a new pool is Essentials.
        userPoolTiers.push(String(resource.Properties?.UserPoolTier ?? 'ESSENTIALS'));
      if (resource.Type === 'AWS::Lambda::EventSourceMapping') {
        // A stream mapping names where to start reading; an SQS one does not.
        if (resource.Properties?.StartingPosition !== undefined) streamPollers += 1;
        else sqsPollers += 1;
      }
    }
  }
  const n = (type: string) => byType[type] ?? 0;
  return {
    stage,
    templates: {
      stacks: files.filter((f) => !f.endsWith('.nested.template.json')).length,
      nested: files.filter((f) => f.endsWith('.nested.template.json')).length,
    },
    alarms: n('AWS::CloudWatch::Alarm'),
    dashboards: n('AWS::CloudWatch::Dashboard'),
    kmsKeys: n('AWS::KMS::Key'),
    logGroups: n('AWS::Logs::LogGroup'),
    queues: n('AWS::SQS::Queue'),
    sqsPollers,
    streamPollers,
    lambdaFunctions: n('AWS::Lambda::Function'),
    stateMachines: n('AWS::StepFunctions::StateMachine'),
    userPools: n('AWS::Cognito::UserPool'),
    userPoolTiers,
    logSubscriptions: n('AWS::Logs::SubscriptionFilter'),
    byType,
  };
}

/**
 * Builds and synthesizes the app for `stage` (default `prod`: what a province's deployment would
 * be, with its alarms and retention) and counts it. A few seconds to a minute, no credentials.
 */
export function synthesizedInventory(stage = 'prod', context: Record<string, unknown> = {}): StackInventory {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'motcua-inventory-'));
  try {
    const app = new App({
      outdir,
      context: { ...FEATURE_FLAGS, stage, 'aws:cdk:bundling-stacks': [], ...context },
    });
    createStacks(app, readStageConfig(app.node));
    const assembly = app.synth();
    return inventoryOf(assembly.directory, stage);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

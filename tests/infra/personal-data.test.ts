/**
 * Personal data sealed, in CDK (issue 11 §5): the Data stack's KMS key that wraps tenants' data
 * keys rotates yearly and follows the stage's removal policy; exactly the routes and functions
 * whose access names `personalData` get kms:GenerateDataKey and kms:Decrypt — on that key only,
 * only with a `tenant` encryption context — and PERSONAL_DATA_KEY_ID; no other function gets any
 * KMS permission on it.
 */
import { RemovalPolicy, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FUNCTIONS } from '../../shared/api/functions';
import { ROUTES } from '../../shared/api/routes';
import type { ApiFunction } from '../../infra/constructs/api-function';
import { buildTestApp } from './fixture';
import { readStageConfig } from '../../infra/stage';

const testApp = buildTestApp();
const { data, api, workflow } = testApp.stacks;

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);

/** The KMS statements of a role's policies in its stack, and its function's environment. */
function grantsOf(stack: Stack, role: IRole, fn: IFunction) {
  const template = testApp.template(stack);
  const statements = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: logicalId(stack, role as never) }]) },
    }),
  ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  const kms = statements.filter((s) => list(s.Action).some((a) => a.startsWith('kms:')));
  const resource = template.findResources('AWS::Lambda::Function')[logicalId(stack, fn as never)];
  return { kms, env: (resource?.Properties.Environment?.Variables ?? {}) as Record<string, unknown> };
}

const keyId = logicalId(data, data.personalDataKey);

/** The key's ARN as another stack imports it: an Fn::ImportValue of the Data stack's export. */
const namesTheKey = (resource: unknown) => JSON.stringify(resource).includes(keyId);

function expectSealingGrant(grants: ReturnType<typeof grantsOf>, what: string) {
  expect({ what, count: grants.kms.length }).toEqual({ what, count: 1 });
  const [statement] = grants.kms;
  expect(statement.Effect).toBe('Allow');
  expect(list(statement.Action).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  expect(list(statement.Resource)).toHaveLength(1);
  expect(namesTheKey(statement.Resource)).toBe(true);
  expect(statement.Condition).toEqual({
    Null: { 'kms:EncryptionContext:tenant': 'false' },
    'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['tenant'] },
  });
  expect(namesTheKey(grants.env.PERSONAL_DATA_KEY_ID)).toBe(true);
}

describe('personal-data key (CDK)', () => {
  it('is a symmetric KMS key with yearly rotation, removed with a dev stage, kept in prod', () => {
    const template = testApp.template(data);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, PendingWindowInDays: 30 });
    const keys = template.findResources('AWS::KMS::Key');
    expect(keys[keyId]?.DeletionPolicy).toBe(testApp.config.isProd ? 'Retain' : 'Delete');
    const prod = readStageConfig({
      tryGetContext: (key: string) => (({ stage: 'prod' }) as Record<string, unknown>)[key],
    });
    expect(prod.personalDataKeyRemovalPolicy).toBe(RemovalPolicy.RETAIN);
  });

  it('is granted to exactly the routes whose access names personalData, with the tenant context condition', () => {
    const granted: string[] = [];
    for (const route of ROUTES) {
      const fn = api.functions[route.id];
      const grants = grantsOf(api, fn.role as IRole, fn);
      if ((route.access as { personalData?: boolean }).personalData === true) {
        expectSealingGrant(grants, route.id);
        granted.push(route.id);
      } else {
        expect({ route: route.id, kms: grants.kms }).toEqual({ route: route.id, kms: [] });
        expect(grants.env.PERSONAL_DATA_KEY_ID).toBeUndefined();
      }
    }
    expect(granted).toEqual(
      expect.arrayContaining(['submitDossier', 'getDossier', 'actOnDossier', 'getWorkQueue']),
    );
    expect(granted).not.toContain('trackDossier');
  });

  it('is granted to exactly the functions whose access names personalData', () => {
    // Every function of the function table, whatever its source (queue, stream, log subscription, clock).
    const built: Record<string, ApiFunction | undefined> = workflow.functions;
    for (const fn of FUNCTIONS) {
      const handler = built[fn.id];
      if (!handler) throw new Error(`${fn.id} not built`);
      const grants = grantsOf(workflow, handler.role, handler.function);
      if ((fn.access as { personalData?: boolean }).personalData === true) expectSealingGrant(grants, fn.id);
      else expect({ fn: fn.id, kms: grants.kms }).toEqual({ fn: fn.id, kms: [] });
    }
    expect(
      FUNCTIONS.filter((f) => (f.access as { personalData?: boolean }).personalData)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['deliverWebhook', 'fanoutWebhooks', 'sendNotifications']);
  });
});

/**
 * Issue 11 §3 in AWS: isolation below the code. Every tenant-scoped route reaches the table and the
 * bucket only through its tenant data role, whose every grant is held to the session's tenant tag;
 * its execution role keeps the platform items only. And the deliberately broken handler: a small
 * IAM evaluator (./iam-evaluator.ts, tested in tests/unit/infra) runs the synthesized policies of
 * real routes against the requests a handler that built another tenant's key would send.
 */
import { Stack, type CfnElement } from 'aws-cdk-lib';
import type { Role } from 'aws-cdk-lib/aws-iam';
import { ROUTES, type RouteDef, type RouteId } from '../../shared/api/routes';
import { isTenantScoped } from '../../shared/api/tenant-scope';
import { AUDIT_DENIED_ACTIONS } from '../../shared/data/audit-keys';
import { ENV } from '../../shared/platform/env';
import { TENANT_TAG_VARIABLE } from '../../infra/constructs/tenant-data-role';
import { buildTestApp, roleLogicalId } from './fixture';
import {
  assumeRoleRequest,
  evaluate,
  resolveIntrinsics,
  resolvedStatement,
  type IamRequest,
  type PolicyStatement,
} from './iam-evaluator';

const testApp = buildTestApp();
const { api } = testApp.stacks;
const template = testApp.template(api);
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

const routes: readonly RouteDef[] = ROUTES;
const scopedRoutes = routes.filter(isTenantScoped);
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const logicalIdOf = (role: Role) => Stack.of(role).getLogicalId(role.node.defaultChild as CfnElement);

/** Every statement of a role: its inline policies and the policies attached to it, resolved. */
function statementsOfRole(roleId: string): PolicyStatement[] {
  const policies = list(resources[roleId]?.Properties?.Policies) as Array<{
    PolicyDocument: { Statement: unknown };
  }>;
  const inline = policies.flatMap((p) => list(p.PolicyDocument.Statement));
  const attached = Object.values(resources)
    .filter(
      (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${roleId}"`),
    )
    .flatMap((r) => list(r.Properties.PolicyDocument.Statement));
  const raw = [...inline, ...attached] as Array<Record<string, unknown>>;
  // The table's ARN comes from the data stack (a parameter here): named as the real ARN it is.
  const known = Object.fromEntries(
    raw
      .filter((s) => list(s.Action as string | string[]).some((a) => a.startsWith('dynamodb:')))
      .flatMap((s) => list(s.Resource as unknown))
      .map((r) => resolveIntrinsics(r))
      .filter((r) => r.startsWith('<') && !r.includes('/index/'))
      .map((r) => [r, TABLE_ARN]),
  );
  return raw.map((s) => resolvedStatement(s, known));
}
const TABLE_ARN = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/MotCua-dev-Table';

const fnOf = (id: string) => api.functions[id as RouteId];
const scopedRoleOf = (id: string) => api.tenantDataRoles[id as RouteId];
const scopedStatements = (id: string) => statementsOfRole(logicalIdOf(scopedRoleOf(id)!));
const executionStatements = (id: string) => statementsOfRole(roleLogicalId(fnOf(id)));

/** The table's ARN as the route's policies name it (the resource of its GetItem grant). */
function tableArnOf(statements: PolicyStatement[]): string {
  const arn = statements
    .filter((s) => s.Effect === 'Allow' && list(s.Action).includes('dynamodb:GetItem'))
    .flatMap((s) => list(s.Resource))
    .find((r) => !r.includes('/index/'));
  if (!arn) throw new Error('no GetItem grant');
  return arn;
}

/** The bucket's ARN as the route's policies name it (the resource of its ListBucket grant). */
const bucketArnOf = (statements: PolicyStatement[]) =>
  statements.find((s) => list(s.Action).includes('s3:ListBucket'))!.Resource as string[];

const asTenant = (tenant: string, request: IamRequest): IamRequest => ({
  ...request,
  principalTags: { tenant },
});
const tableRequest = (action: string, table: string, pk: string): IamRequest => ({
  action,
  resource: table,
  context: { 'dynamodb:LeadingKeys': [pk] },
});

describe('tenant-scoped routes (issue 11 §3)', () => {
  it('are every route with table or bucket access but the operator’s', () => {
    const unscoped = routes.filter((r) => (r.access.table || r.access.bucket) && !isTenantScoped(r));
    expect(unscoped.every((r) => r.action === 'tenants.operate')).toBe(true);
    expect(scopedRoutes.length).toBeGreaterThan(40);
    expect(Object.keys(api.tenantDataRoles).sort()).toEqual(scopedRoutes.map((r) => r.id).sort());
  });

  it.each(scopedRoutes.map((r) => [r.id, r] as const))(
    '%s: every table and bucket grant of its tenant data role is held to the session’s tenant tag',
    (id) => {
      const allows = scopedStatements(id).filter((s) => s.Effect === 'Allow');
      const table = allows.filter((s) => list(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(table.length).toBeGreaterThan(0);
      for (const s of table) {
        const keys = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
        expect(list(keys).length).toBeGreaterThan(0);
        for (const k of list(keys))
          expect(k.startsWith(`TENANT#${TENANT_TAG_VARIABLE}`) || k === 'CLIENT#*').toBe(true);
        // ForAllValues is true on an empty set: the keys must be there.
        expect(s.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      }
      for (const s of allows.filter((s) => list(s.Action).some((a) => a.startsWith('s3:')))) {
        if (list(s.Action).includes('s3:ListBucket'))
          for (const p of list(s.Condition?.StringLike?.['s3:prefix']))
            expect(p).toContain(`/${TENANT_TAG_VARIABLE}/`);
        else
          for (const r of list(s.Resource))
            expect(r).toMatch(new RegExp(`/(staging|stored)/\\$\\{aws:PrincipalTag/tenant\\}/\\*$`));
      }
    },
  );

  it.each(scopedRoutes.map((r) => [r.id, r] as const))(
    '%s: its execution role keeps the platform items only, and no bucket object',
    (id) => {
      const allows = executionStatements(id).filter((s) => s.Effect === 'Allow');
      const table = allows.filter((s) => list(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(table.map((s) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'])).toEqual([
        ['PLATFORM#TENANTS'],
        ['RATE#*'],
      ]);
      expect(allows.flatMap((s) => list(s.Action)).filter((a) => a.startsWith('s3:'))).toEqual([]);
    },
  );

  it.each(scopedRoutes.map((r) => [r.id, r] as const))(
    '%s: the audit records’ Deny is on its tenant data role too, and only its execution role may assume it, tagged',
    (id) => {
      const statements = scopedStatements(id);
      const table = tableArnOf(statements);
      for (const action of AUDIT_DENIED_ACTIONS.filter((a) => !a.includes('PartiQL')))
        expect(
          evaluate(statements, asTenant('h97', tableRequest(action, table, 'TENANT#h97#AUDIT#2026-12-01'))),
        ).toBe('explicitDeny');
      const role = resources[logicalIdOf(scopedRoleOf(id)!)]!.Properties;
      const trust = list(role.AssumeRolePolicyDocument.Statement) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(trust).toHaveLength(1);
      expect(trust[0]!.Principal).toEqual({ AWS: { 'Fn::GetAtt': [roleLogicalId(fnOf(id)), 'Arn'] } });
      expect(list(trust[0]!.Action).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      const assume = (tags: Record<string, string>) =>
        evaluate([resolvedStatement({ ...trust[0], Resource: '*' })], assumeRoleRequest(tags));
      expect(assume({ tenant: 'h97' })).toBe('allow');
      expect(assume({})).toBe('implicitDeny');
      expect(assume({ tenant: 'h9*' })).toBe('implicitDeny');
      expect(assume({ tenant: 'h97#DOSSIER' })).toBe('implicitDeny');
      expect(assume({ tenant: 'h97', agency: 'x' })).toBe('implicitDeny');
    },
  );

  it.each(scopedRoutes.map((r) => [r.id, r] as const))(
    '%s: is told its tenant data role (TENANT_DATA_ROLE_ARN)',
    (id) => {
      const fnId = Stack.of(fnOf(id)).getLogicalId(fnOf(id).node.defaultChild as CfnElement);
      const variables = resources[fnId]!.Properties.Environment.Variables;
      expect(variables[ENV.tenantDataRoleArn]).toEqual({
        'Fn::GetAtt': [logicalIdOf(scopedRoleOf(id)!), 'Arn'],
      });
    },
  );
});

describe('a deliberately broken handler, stopped by the scoped credentials', () => {
  // getDossier: a read route with personal data and audit; what a bug that built the dossier key
  // from another tenant's id (or a prefix of it) would send, signed by the session tagged h97.
  const statements = scopedStatements('getDossier');
  const table = tableArnOf(statements);
  const read = (tenant: string, pk: string, action = 'dynamodb:GetItem') =>
    evaluate(statements, asTenant(tenant, tableRequest(action, table, pk)));

  it('lets tenant h97 read its own dossier, its work queue on the index, and append to its audit log', () => {
    expect(read('h97', 'TENANT#h97#DOSSIER#000.00.01.H97-261201-0001')).toBe('allow');
    expect(read('h97', 'TENANT#h97')).toBe('allow');
    expect(
      evaluate(
        statements,
        asTenant('h97', {
          ...tableRequest('dynamodb:Query', `${table}/index/GSI1`, 'TENANT#h97#QUEUE#A#clerk'),
        }),
      ),
    ).toBe('allow');
    expect(read('h97', 'TENANT#h97#AUDIT#2026-12-01', 'dynamodb:PutItem')).toBe('allow');
  });

  it('refuses tenant h97 a read of TENANT#h98#DOSSIER#…, of h9’s keys, and of the platform items', () => {
    expect(read('h97', 'TENANT#h98#DOSSIER#000.00.01.H98-261201-0001')).toBe('implicitDeny');
    expect(read('h97', 'TENANT#h98')).toBe('implicitDeny');
    expect(read('h9', 'TENANT#h97#DOSSIER#000.00.01.H97-261201-0001')).toBe('implicitDeny');
    expect(read('h97', 'PLATFORM#TENANTS')).toBe('implicitDeny');
    expect(read('h97', 'TENANT#h98#AUDIT#2026-12-01', 'dynamodb:PutItem')).toBe('implicitDeny');
    // A batch naming its own and another tenant's key: every key must be the tenant's.
    expect(
      evaluate(
        statements,
        asTenant('h97', {
          action: 'dynamodb:BatchGetItem',
          resource: table,
          context: { 'dynamodb:LeadingKeys': ['TENANT#h97', 'TENANT#h98'] },
        }),
      ),
    ).toBe('implicitDeny');
    // A read route writes nothing of the tenant's, its own audit log aside.
    expect(read('h97', 'TENANT#h97#DOSSIER#X', 'dynamodb:UpdateItem')).toBe('implicitDeny');
  });

  it('refuses the same read signed by the execution role (code outside the tenant scope fails closed)', () => {
    const execution = executionStatements('getDossier');
    const asExecution = (pk: string, action = 'dynamodb:GetItem') =>
      evaluate(execution, tableRequest(action, table, pk));
    expect(asExecution('TENANT#h98#DOSSIER#000.00.01.H98-261201-0001')).toBe('implicitDeny');
    expect(asExecution('TENANT#h97')).toBe('implicitDeny');
    expect(asExecution('PLATFORM#TENANTS')).toBe('allow');
    expect(asExecution('RATE#h97', 'dynamodb:UpdateItem')).toBe('allow');
  });

  it('refuses tenant h97 another tenant’s scan in the bucket, and lets it read its own (downloadAttachment)', () => {
    const s3 = scopedStatements('downloadAttachment');
    const bucket = bucketArnOf(s3)[0]!;
    const get = (tenant: string, key: string) =>
      evaluate(s3, asTenant(tenant, { action: 's3:GetObject', resource: `${bucket}/${key}` }));
    expect(get('h97', 'stored/h97/000.00.01.H97-261201-0001/a1/ab12/scan.pdf')).toBe('allow');
    expect(get('h97', 'stored/h98/000.00.01.H98-261201-0001/a1/ab12/scan.pdf')).toBe('implicitDeny');
    expect(get('h9', 'stored/h97/000.00.01.H97-261201-0001/a1/ab12/scan.pdf')).toBe('implicitDeny');
    expect(get('h97', 'staging/h97/000.00.01.H97-261201-0001/a1')).toBe('implicitDeny');
    const list = (tenant: string, prefix: string | undefined) =>
      evaluate(
        s3,
        asTenant(tenant, { action: 's3:ListBucket', resource: bucket, context: { 's3:prefix': prefix } }),
      );
    expect(list('h97', 'stored/h97/000.00.01.H97-261201-0001/')).toBe('allow');
    expect(list('h97', 'stored/h98/')).toBe('implicitDeny');
    expect(list('h97', undefined)).toBe('implicitDeny');
  });

  it('refuses an admin route of tenant h97 a write to tenant h98’s catalog (putProcedure)', () => {
    const put = scopedStatements('putProcedure');
    const write = (pk: string) =>
      evaluate(put, asTenant('h97', tableRequest('dynamodb:PutItem', tableArnOf(put), pk)));
    expect(write('TENANT#h97')).toBe('allow');
    expect(write('TENANT#h98')).toBe('implicitDeny');
    expect(write('CLIENT#abc')).toBe('implicitDeny');
  });
});

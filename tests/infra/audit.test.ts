/**
 * Issue 11 §6 in AWS: the audit log is append-only below the code. Every Lambda function of every
 * stack (nested stacks included) runs with a role that explicitly denies UpdateItem, DeleteItem,
 * BatchWriteItem and PartiQL update/delete on the audit partitions; a read-only route that records
 * personal-data reads may put in those partitions and nowhere else.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ROUTES, type RouteDef } from '../../shared/api/routes';
import { AUDIT_DENIED_ACTIONS, AUDIT_PARTITION_PATTERN } from '../../shared/data/audit-keys';
import { buildTestApp, roleLogicalId } from './fixture';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { isTenantScoped } from '../../shared/api/tenant-scope';
import { leadingKeysCondition, TENANT_TAG_VARIABLE } from '../../infra/constructs/tenant-data-role';

const testApp = buildTestApp();
const stacks = testApp.app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
const templateOf = (stack: Stack) => Template.fromStack(stack);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string[]>>;
}
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

const DENY_CONDITION = { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITION_PATTERN] } };

/** Every function of a template with the statements of its role's own (inline) policies. */
function functionsWithRoleStatements(template: Template): Array<[string, Statement[]]> {
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties?: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([id, r]) => {
      const roleRef = r.Properties?.Role?.['Fn::GetAtt']?.[0] as string | undefined;
      const role = roleRef ? resources[roleRef] : undefined;
      const statements = (
        (role?.Properties?.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>
      ).flatMap((p) => p.PolicyDocument.Statement);
      return [id, statements];
    });
}

describe('audit records are append-only for every function', () => {
  const all = stacks.flatMap((stack) =>
    functionsWithRoleStatements(templateOf(stack)).map(([id, s]) => [`${stack.stackName}/${id}`, s] as const),
  );

  it('finds the functions of every stack (routes, workflow tasks, consumers, the token trigger)', () => {
    expect(all.length).toBeGreaterThanOrEqual(ROUTES.length);
  });

  it.each(all.map(([id, s]) => [id, s]))(
    '%s: its role denies changing or removing audit records',
    (_id, statements) => {
      const denies = (statements as Statement[]).filter((s) => s.Effect === 'Deny');
      const deny = denies.find((s) => JSON.stringify(s.Condition) === JSON.stringify(DENY_CONDITION));
      expect(deny).toBeDefined();
      expect(list(deny!.Action).sort()).toEqual([...AUDIT_DENIED_ACTIONS].sort());
      // Every table of the account and region, not one table: a second table cannot escape it.
      expect(JSON.stringify(deny!.Resource)).toMatch(/:table\/\*/);
    },
  );
});

describe('a read route that records reads may append to the audit log and nothing more', () => {
  const api = testApp.stacks.api;
  const template = testApp.template(api);
  function statementsOf(route: RouteDef): Statement[] {
    const fn = api.functions[route.id as keyof typeof api.functions];
    const policies = template.findResources('AWS::IAM::Policy');
    // Its execution role and, for a tenant-scoped route, its tenant data role.
    const scoped = api.tenantDataRoles[route.id as keyof typeof api.functions];
    const roles = [
      roleLogicalId(fn),
      ...(scoped ? [Stack.of(scoped).getLogicalId(scoped.node.defaultChild as CfnRole)] : []),
    ];
    return Object.values(policies)
      .filter((p) => roles.some((role) => JSON.stringify(p.Properties.Roles).includes(`"${role}"`)))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  }
  const routes: readonly RouteDef[] = ROUTES;
  const auditing = routes.filter((r) => r.access.audit === true && r.access.table === 'read');

  it('covers the personal-data reads', () => {
    expect(auditing.map((r) => r.id).sort()).toEqual(
      ['downloadAttachment', 'exportAuditLog', 'exportReport', 'getDossier', 'getDossierForm'].sort(),
    );
  });

  it.each(auditing.map((r) => [r.id, r] as const))(
    '%s: PutItem only on the audit partitions',
    (_id, route) => {
      const puts = statementsOf(route).filter((s) => list(s.Action).includes('dynamodb:PutItem'));
      expect(puts).toHaveLength(1);
      expect(list(puts[0]!.Action)).toEqual(['dynamodb:PutItem']);
      // A tenant-scoped route: its own tenant's audit partitions only (a narrower AUDIT_PARTITION_PATTERN).
      expect(puts[0]!.Condition).toEqual(
        isTenantScoped(route)
          ? leadingKeysCondition([`TENANT#${TENANT_TAG_VARIABLE}#AUDIT#*`])
          : { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITION_PATTERN] } },
      );
    },
  );

  it.each(
    routes.filter((r) => r.access.table === 'read' && r.access.audit !== true).map((r) => [r.id, r] as const),
  )('%s: no PutItem at all', (_id, route) => {
    const puts = statementsOf(route).filter((s) => list(s.Action).includes('dynamodb:PutItem'));
    expect(puts).toEqual([]);
  });
});

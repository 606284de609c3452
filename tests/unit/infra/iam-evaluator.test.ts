/**
 * The small IAM evaluator the tenant-scope proofs rely on (tests/infra/iam-evaluator.ts): each rule
 * it models, with a case that must allow and one that must not, so a wrong evaluator cannot make
 * the proofs pass.
 */
import {
  assumeRoleRequest,
  evaluate,
  resolveIntrinsics,
  type PolicyStatement,
} from '../../infra/iam-evaluator';

const TABLE = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/t';
const TAG = '${aws:PrincipalTag/tenant}';
const tenantKeys: PolicyStatement = {
  Effect: 'Allow',
  Action: ['dynamodb:GetItem', 'dynamodb:Query'],
  Resource: [TABLE, `${TABLE}/index/GSI1`],
  Condition: {
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`TENANT#${TAG}`, `TENANT#${TAG}#*`] },
    Null: { 'dynamodb:LeadingKeys': 'false' },
  },
};
const get = (pk: string | undefined, tenant = 'h97', action = 'dynamodb:GetItem') =>
  evaluate([tenantKeys], {
    action,
    resource: TABLE,
    context: { 'dynamodb:LeadingKeys': pk === undefined ? undefined : [pk] },
    principalTags: { tenant },
  });

describe('IAM evaluator', () => {
  it('allows the tagged tenant its own partitions and nothing else', () => {
    expect(get('TENANT#h97')).toBe('allow');
    expect(get('TENANT#h97#DOSSIER#X')).toBe('allow');
    expect(get('TENANT#h98#DOSSIER#X')).toBe('implicitDeny');
    expect(get('PLATFORM#TENANTS')).toBe('implicitDeny');
  });

  it('keeps a tenant id from reaching another that starts with it', () => {
    expect(get('TENANT#h97', 'h9')).toBe('implicitDeny');
    expect(get('TENANT#h97#DOSSIER#X', 'h9')).toBe('implicitDeny');
  });

  it('treats the variable as literal text and a missing tag as matching nothing', () => {
    expect(get('TENANT#h97', 'h*')).toBe('implicitDeny');
    expect(
      evaluate([tenantKeys], {
        action: 'dynamodb:GetItem',
        resource: TABLE,
        context: { 'dynamodb:LeadingKeys': ['TENANT#h97'] },
      }),
    ).toBe('implicitDeny');
  });

  it('makes ForAllValues true on an empty set, which the Null condition closes', () => {
    const withoutNull: PolicyStatement = {
      ...tenantKeys,
      Condition: { 'ForAllValues:StringLike': tenantKeys.Condition!['ForAllValues:StringLike']! },
    };
    const request = { action: 'dynamodb:GetItem', resource: TABLE, principalTags: { tenant: 'h97' } };
    expect(evaluate([withoutNull], request)).toBe('allow');
    expect(evaluate([tenantKeys], request)).toBe('implicitDeny');
  });

  it('needs every leading key of a multi-key request to match (ForAllValues)', () => {
    const request = (keys: string[]) => ({
      action: 'dynamodb:GetItem',
      resource: TABLE,
      context: { 'dynamodb:LeadingKeys': keys },
      principalTags: { tenant: 'h97' },
    });
    expect(evaluate([tenantKeys], request(['TENANT#h97', 'TENANT#h97#X']))).toBe('allow');
    expect(evaluate([tenantKeys], request(['TENANT#h97', 'TENANT#h98#X']))).toBe('implicitDeny');
  });

  it('matches actions case-insensitively with wildcards, and resources by glob', () => {
    expect(get('TENANT#h97', 'h97', 'DynamoDB:getitem')).toBe('allow');
    expect(get('TENANT#h97', 'h97', 'dynamodb:PutItem')).toBe('implicitDeny');
    const s3: PolicyStatement = {
      Effect: 'Allow',
      Action: 's3:Get*',
      Resource: `arn:aws:s3:::b/stored/${TAG}/*`,
    };
    const req = (key: string) => ({
      action: 's3:GetObject',
      resource: `arn:aws:s3:::b/${key}`,
      principalTags: { tenant: 'h97' },
    });
    expect(evaluate([s3], req('stored/h97/C/1/x.pdf'))).toBe('allow');
    expect(evaluate([s3], req('stored/h98/C/1/x.pdf'))).toBe('implicitDeny');
    expect(evaluate([s3], req('staging/h97/C/1'))).toBe('implicitDeny');
  });

  it('lets an explicit Deny win over an Allow (ForAnyValue)', () => {
    const deny: PolicyStatement = {
      Effect: 'Deny',
      Action: 'dynamodb:UpdateItem',
      Resource: 'arn:aws:dynamodb:*:*:table/*',
      Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['TENANT#*#AUDIT#*'] } },
    };
    const all: PolicyStatement = { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' };
    const update = (pk: string) =>
      evaluate([all, deny], {
        action: 'dynamodb:UpdateItem',
        resource: TABLE,
        context: { 'dynamodb:LeadingKeys': [pk] },
      });
    expect(update('TENANT#h97#AUDIT#2026-12-01')).toBe('explicitDeny');
    expect(update('TENANT#h97#DOSSIER#X')).toBe('allow');
  });

  it('evaluates StringEquals, StringNotLike with literal ${*}, and Null on request tags', () => {
    const trust: PolicyStatement = {
      Effect: 'Allow',
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Resource: '*',
      Condition: {
        Null: { 'aws:RequestTag/tenant': 'false' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
        StringNotLike: { 'aws:RequestTag/tenant': ['*#*', '*${*}*'] },
      },
    };
    const assume = (tags: Record<string, string>) => evaluate([trust], assumeRoleRequest(tags, 'r'));
    expect(assume({ tenant: 'h97' })).toBe('allow');
    expect(assume({})).toBe('implicitDeny');
    expect(assume({ tenant: 'h9*' })).toBe('implicitDeny');
    expect(assume({ tenant: 'h9#X' })).toBe('implicitDeny');
    expect(assume({ tenant: 'h97', role: 'x' })).toBe('implicitDeny');
  });

  it('refuses what it does not model instead of guessing', () => {
    const ifExists: PolicyStatement = {
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringLikeIfExists: { k: 'v' } },
    };
    expect(() => evaluate([ifExists], { action: 'a', resource: 'r' })).toThrow(/not modelled/);
  });

  it('resolves Fn::Join and keeps other intrinsics as stable placeholders', () => {
    const ref = { Ref: 'TableArn' };
    expect(resolveIntrinsics({ 'Fn::Join': ['', [ref, '/index/GSI1']] })).toBe(
      `${resolveIntrinsics(ref)}/index/GSI1`,
    );
  });
});

/**
 * A small IAM policy evaluator, for the conditions the project's policies use and nothing more:
 * Allow/Deny with explicit Deny winning, Action and Resource with `*` and `?`, the operators
 * StringEquals, StringLike, StringNotLike and Null, the set qualifiers ForAllValues and ForAnyValue,
 * and the policy variable `${aws:PrincipalTag/<key>}` (with `${*}`, `${?}`, `${$}` for literal
 * characters). What it does not model (resource policies, SCPs, boundaries, session policies,
 * NotAction/NotResource, IfExists, numeric or date operators) throws, so a policy that grows past
 * it fails the test instead of being judged wrongly. Checked itself in
 * tests/unit/infra/iam-evaluator.test.ts; used by tests/infra/tenant-scoped.test.ts.
 */

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  /** Resolved to strings (see `resolveIntrinsics`). */
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  NotAction?: unknown;
  NotResource?: unknown;
}

export interface IamRequest {
  action: string;
  resource: string;
  /** Condition keys of the request: `dynamodb:LeadingKeys`, `s3:prefix`, `aws:RequestTag/tenant`… */
  context?: Record<string, string | string[] | undefined>;
  /** The session's tags (`aws:PrincipalTag/<key>`). */
  principalTags?: Record<string, string>;
}

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A pattern as a regexp: `*` any run, `?` one character, variables already made literal. */
function globRegExp(pattern: string, tags: Record<string, string>, caseless = false): RegExp {
  let out = '';
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (let i = 0; i < pattern.length;) {
    if (pattern.startsWith('${', i)) {
      const end = pattern.indexOf('}', i);
      const name = pattern.slice(i + 2, end);
      if (name === '*' || name === '?' || name === '$') out += escape(name);
      else if (name.startsWith('aws:PrincipalTag/')) {
        const value = tags[name.slice('aws:PrincipalTag/'.length)];
        // A missing tag makes the variable match nothing (IAM: the condition or resource fails).
        if (value === undefined) return /(?!)/;
        out += escape(value);
      } else throw new Error(`policy variable not modelled: ${name}`);
      i = end + 1;
    } else {
      const c = pattern[i]!;
      out += c === '*' ? '.*' : c === '?' ? '.' : escape(c);
      i += 1;
    }
  }
  return new RegExp(`^${out}$`, caseless ? 'is' : 's');
}

const like = (pattern: string, value: string, tags: Record<string, string>) =>
  globRegExp(pattern, tags).test(value);
const equals = (pattern: string, value: string, tags: Record<string, string>) =>
  globRegExp(pattern.replace(/\*/g, '${*}').replace(/\?/g, '${?}'), tags).test(value);

const MATCHERS: Record<string, (p: string, v: string, t: Record<string, string>) => boolean> = {
  StringLike: like,
  StringEquals: equals,
};

function conditionHolds(
  operator: string,
  key: string,
  wanted: string[],
  request: IamRequest,
  tags: Record<string, string>,
): boolean {
  const present = request.context?.[key];
  const values = list(present);
  if (operator === 'Null') return (wanted[0] === 'true') === (present === undefined);
  const [qualifier, base] = operator.includes(':') ? operator.split(':') : [undefined, operator];
  const negated = base!.startsWith('StringNot');
  const matcher = MATCHERS[negated ? base!.replace('StringNot', 'String') : base!];
  if (!matcher || base!.endsWith('IfExists')) throw new Error(`condition operator not modelled: ${operator}`);
  const matchesAny = (value: string) => wanted.some((p) => matcher(p, value, tags));
  const test = (value: string) => (negated ? !matchesAny(value) : matchesAny(value));
  if (qualifier === 'ForAllValues') return values.every(test);
  if (qualifier === 'ForAnyValue') return values.some(test);
  if (qualifier !== undefined) throw new Error(`set qualifier not modelled: ${qualifier}`);
  if (values.length > 1) throw new Error(`${key} is multivalued: name ForAllValues or ForAnyValue`);
  if (present === undefined) return negated;
  return test(values[0]!);
}

function statementApplies(s: PolicyStatement, request: IamRequest): boolean {
  if (s.NotAction !== undefined || s.NotResource !== undefined) throw new Error('NotAction/NotResource');
  const tags = request.principalTags ?? {};
  const action = list(s.Action).some((a) => globRegExp(a, {}, true).test(request.action));
  const resource = list(s.Resource).some((r) => like(r, request.resource, tags));
  if (!action || !resource) return false;
  return Object.entries(s.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, wanted]) => conditionHolds(operator, key, list(wanted), request, tags)),
  );
}

/** IAM's identity-policy logic: an explicit Deny wins, then any Allow, else denied. */
export function evaluate(statements: readonly PolicyStatement[], request: IamRequest): Decision {
  const applying = statements.filter((s) => statementApplies(s, request));
  if (applying.some((s) => s.Effect === 'Deny')) return 'explicitDeny';
  return applying.some((s) => s.Effect === 'Allow') ? 'allow' : 'implicitDeny';
}

/**
 * A template's resource value as a string: literals kept, `Fn::Join` joined, any other intrinsic
 * (a Ref, GetAtt, import, parameter) a stable placeholder `<…>` of itself, so an ARN built from the
 * same token resolves to the same string.
 */
export function resolveIntrinsics(node: unknown, known: Readonly<Record<string, string>> = {}): string {
  if (typeof node === 'string') return node;
  const fn = node as Record<string, unknown>;
  if (Array.isArray(fn?.['Fn::Join'])) {
    const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
    return items.map((item) => resolveIntrinsics(item, known)).join(delimiter);
  }
  const placeholder = `<${JSON.stringify(node)}>`;
  return known[placeholder] ?? PSEUDO[placeholder] ?? placeholder;
}

/** The pseudo parameters, as one account and region would have them. */
const PSEUDO: Record<string, string> = {
  '<{"Ref":"AWS::Partition"}>': 'aws',
  '<{"Ref":"AWS::Region"}>': 'ap-southeast-1',
  '<{"Ref":"AWS::AccountId"}>': '111122223333',
  '<{"Ref":"AWS::URLSuffix"}>': 'amazonaws.com',
};

/**
 * A template statement with its resources resolved (`resolveIntrinsics`); `known` names what a
 * placeholder stands for (the table's ARN, imported from another stack, as a real ARN), so that a
 * statement naming `…:table/*` matches it.
 */
export const resolvedStatement = (
  s: Record<string, unknown>,
  known: Readonly<Record<string, string>> = {},
): PolicyStatement => ({
  ...(s as unknown as PolicyStatement),
  Resource: list(s.Resource as unknown).map((r) => resolveIntrinsics(r, known)),
});

/** An `sts:AssumeRole` request carrying session `tags`, as a trust policy sees it. */
export const assumeRoleRequest = (tags: Readonly<Record<string, string>>, resource = 'role'): IamRequest => ({
  action: 'sts:AssumeRole',
  resource,
  context: {
    'aws:TagKeys': Object.keys(tags),
    ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
  },
});

/**
 * Helpers for cdk-nag v3 acknowledgements. v3 runs as a CDK policy-validation plugin and reads
 * acknowledgements (`Validations.of(x).acknowledge`) from the construct tree, walking up from the
 * resource; so each acknowledgement is made on the construct it concerns, with its reason, and
 * never on a whole stack.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledges one AwsSolutions rule (or one finding of it, `AwsSolutions-IAM5[...]`) on `scope`. */
export function acknowledge(scope: IConstruct, id: `AwsSolutions-${string}`, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The finding cdk-nag's IAM5 reports for a wildcard resource, e.g.
 * `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::MotCua-dev-AttachmentsBucketName/*]`.
 * v3 has no prefix matching, so the exact finding has to be named; it is derived from the same
 * token the policy uses, in cdk-nag's flattened notation (`${X}` → `<X>`, GetAtt → `<Res.Attr>`).
 * The token must already be final in `scope`'s stack (a local resource or an explicit import, not an
 * implicit cross-stack reference, which CDK rewrites to an import only at synthesis).
 */
export function iam5ResourceFinding(scope: IConstruct, arn: string): `AwsSolutions-IAM5[${string}]` {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(arn))}]`;
}

function flatten(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (node === undefined) return '';
  if (typeof node === 'object' && node !== null) {
    const fn = node as Record<string, unknown>;
    if (Array.isArray(fn['Fn::Join'])) {
      const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if ('Fn::Sub' in fn) return flatten(fn['Fn::Sub']);
    if (Array.isArray(fn['Fn::GetAtt'])) {
      const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if ('Fn::ImportValue' in fn) return flatten(fn['Fn::ImportValue']);
    if ('Ref' in fn) return `<${flatten(fn.Ref)}>`;
  }
  return JSON.stringify(node);
}

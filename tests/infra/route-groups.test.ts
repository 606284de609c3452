/**
 * The Api stack split (docs/deploy.md, "Route groups"): every stack and nested stack stays far
 * below CloudFormation's per-template limits, each route's handler sits in its group's nested stack,
 * the routes stay in the parent at the logical ids they had before the split, and every reference
 * across a stack boundary (parameters, nested outputs, exports) has its other end.
 */
import { Stack, type CfnElement, type NestedStack } from 'aws-cdk-lib';
import { ROUTES, routeKey } from '../../shared/api/routes';
import { routeGroup } from '../../infra/constructs/route-groups';
import { buildTestApp, nestedStacksOf } from './fixture';

const testApp = buildTestApp();
const { api } = testApp.stacks;
const topLevel = Object.values(testApp.stacks) as Stack[];
const allStacks = topLevel.flatMap((s) => [s, ...nestedStacksOf(s)]);

/** Resources, outputs and parameters: CloudFormation allows 500, 200 and 200 per template. */
const LIMITS = { Resources: 400, Outputs: 180, Parameters: 180 } as const;

const count = (stack: Stack, section: keyof typeof LIMITS) =>
  Object.keys((testApp.ownTemplate(stack).toJSON() as Record<string, object | undefined>)[section] ?? {})
    .length;

/** Every value of `key` anywhere in `node` (e.g. every Fn::ImportValue of a template). */
function valuesOf(node: unknown, key: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((n) => valuesOf(n, key));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesOf(v, key)]);
}

describe('CloudFormation limits', () => {
  it.each(Object.keys(LIMITS) as (keyof typeof LIMITS)[])(
    'keeps every stack and nested stack at most the margin below the limit on %s',
    (section) => {
      const over = allStacks
        .map((s) => ({ stack: s.node.path, n: count(s, section) }))
        .filter(({ n }) => n > LIMITS[section])
        .map(({ stack, n }) => `${stack}: ${n} ${section} (at most ${LIMITS[section]})`);
      expect(over).toEqual([]);
    },
  );

  it('makes one nested stack per route group under the Api stack', () => {
    const groups = new Set(ROUTES.map(routeGroup));
    expect(nestedStacksOf(api)).toHaveLength(groups.size);
    expect([...api.routeGroups.keys()].sort()).toEqual([...groups].sort());
  });
});

describe('route groups', () => {
  it.each(ROUTES.map((r) => [r.id, r] as const))(
    'puts the function of %s in the nested stack of its group',
    (id, route) => {
      const group = api.routeGroups.get(routeGroup(route));
      expect(group).toBeDefined();
      expect(Stack.of(api.functions[id])).toBe(group);
      expect(group!.nestedStackParent).toBe(api);
    },
  );

  it('holds in each nested stack the functions of its routes and no HTTP route', () => {
    for (const [name, nested] of api.routeGroups) {
      const t = testApp.ownTemplate(nested);
      const routes = ROUTES.filter((r) => routeGroup(r) === name);
      expect(Object.keys(t.findResources('AWS::Lambda::Function'))).toHaveLength(routes.length);
      expect(Object.keys(t.findResources('AWS::ApiGatewayV2::Integration'))).toHaveLength(routes.length);
      expect(t.findResources('AWS::ApiGatewayV2::Route')).toEqual({});
    }
  });

  it('keeps every HTTP route, the authorizer and the stage in the parent, and no function', () => {
    const t = testApp.ownTemplate(api);
    const keys = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
    expect(Object.keys(t.findResources('AWS::ApiGatewayV2::Authorizer'))).toHaveLength(1);
    expect(Object.keys(t.findResources('AWS::ApiGatewayV2::Stage'))).toHaveLength(1);
    expect(t.findResources('AWS::Lambda::Function')).toEqual({});
  });

  it('keeps the routes and the authorizer at their logical ids from before the split (updated, not replaced)', () => {
    // API Gateway refuses a second route with the same key (409): a route under a new logical id
    // would be created beside the old one and fail the deploy of an existing stage.
    const resources = testApp.ownTemplate(api).toJSON().Resources as Record<string, { Properties: object }>;
    expect(resources.getOpenApiRoute1CB81972?.Properties).toMatchObject({ RouteKey: 'GET /v1/openapi.json' });
    expect(resources.HttpApiCognitoJwt4B02D8E4?.Properties).toMatchObject({ AuthorizerType: 'JWT' });
    const parent = api as Stack;
    for (const route of ROUTES) {
      const id = Object.entries(resources).find(
        ([, r]) => (r.Properties as { RouteKey?: string }).RouteKey === routeKey(route),
      )?.[0];
      expect(id).toMatch(new RegExp(`^${route.id.replace(/\$/g, '\\$')}Route[0-9A-F]{8}$`));
      expect(parent.node.tryFindChild(route.id)?.node.tryFindChild('Route')).toBeDefined();
    }
  });
});

describe('references across stacks', () => {
  it('passes every parameter a nested stack declares', () => {
    for (const nested of nestedStacksOf(api) as NestedStack[]) {
      const declared = Object.entries(
        (testApp.ownTemplate(nested).toJSON().Parameters ?? {}) as Record<string, { Default?: unknown }>,
      )
        .filter(([, p]) => p.Default === undefined)
        .map(([id]) => id);
      const parent = testApp.ownTemplate(api).toJSON().Resources as Record<string, { Properties: object }>;
      const resourceId = api.getLogicalId(nested.nestedStackResource as CfnElement);
      const passed = Object.keys(
        (parent[resourceId]!.Properties as { Parameters?: object }).Parameters ?? {},
      );
      expect(passed.sort()).toEqual(declared.sort());
    }
  });

  it('reads from a nested stack only the outputs it has', () => {
    const parent = testApp.ownTemplate(api).toJSON();
    const byResource = new Map(
      (nestedStacksOf(api) as NestedStack[]).map((n) => [
        api.getLogicalId(n.nestedStackResource as CfnElement),
        Object.keys(testApp.ownTemplate(n).toJSON().Outputs ?? {}),
      ]),
    );
    const reads = valuesOf(parent, 'Fn::GetAtt').filter(
      (g): g is [string, string] => Array.isArray(g) && String(g[1]).startsWith('Outputs.'),
    );
    expect(reads.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const [resource, attribute] of reads)
      expect(byResource.get(resource)).toContain(attribute.slice('Outputs.'.length));
  });

  it('imports only values some top-level stack exports (the dashboard reads the functions in the nested stacks)', () => {
    const exported = new Set(
      topLevel.flatMap((s) =>
        Object.values(
          (testApp.ownTemplate(s).toJSON().Outputs ?? {}) as Record<string, { Export?: { Name: unknown } }>,
        )
          .map((o) => o.Export?.Name)
          .filter((n): n is string => typeof n === 'string'),
      ),
    );
    const imports = allStacks.flatMap((s) => valuesOf(testApp.ownTemplate(s).toJSON(), 'Fn::ImportValue'));
    const dashboardImports = valuesOf(
      testApp.ownTemplate(testApp.stacks.operations).toJSON(),
      'Fn::ImportValue',
    );
    expect(dashboardImports.length).toBeGreaterThanOrEqual(ROUTES.length);
    for (const name of imports) expect(exported).toContain(name);
  });
});

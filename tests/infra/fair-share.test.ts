/**
 * Fair share in CDK (docs/fair-share.md): the public routes' own throttles at the stage, and the
 * one write a read-only route may make, held to the fair-share buckets by `dynamodb:LeadingKeys`.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { ROUTES, routeKey, type RouteDef } from '../../shared/api/routes';
import { PUBLIC_ROUTE_THROTTLE } from '../../infra/stacks/api-stack';
import { RATE_BUCKET_PARTITION_PREFIX } from '../../shared/platform/rate-bucket-store';
import { buildTestApp, roleLogicalId } from './fixture';

const testApp = buildTestApp();
const { api } = testApp.stacks;
const template = testApp.template(api);
const routes: readonly RouteDef[] = ROUTES;

interface Statement {
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}
function statementsOf(route: RouteDef): Statement[] {
  const fn = api.functions[route.id as keyof typeof api.functions];
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId(fn) }]) },
  });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const gatedPublic = routes.filter((r) => r.auth === 'public' && 'table' in r.access);
const readOnly = routes.filter((r) => r.access.table === 'read');

describe('fair share in CDK', () => {
  it('throttles every public route that reads the table below the stage default, by its route key', () => {
    const stages = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const settings = stages[0]!.Properties.RouteSettings as Record<string, Record<string, number>>;
    expect(gatedPublic.length).toBeGreaterThan(3);
    expect(Object.keys(settings).sort()).toEqual(gatedPublic.map(routeKey).sort());
    for (const key of Object.keys(settings))
      expect(settings[key]).toEqual({
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      });
    const defaults = stages[0]!.Properties.DefaultRouteSettings as Record<string, number>;
    expect(PUBLIC_ROUTE_THROTTLE.rateLimit).toBeLessThan(defaults.ThrottlingRateLimit!);
  });

  it('makes the stage wait for the routes it throttles (CloudFormation cannot name a route not yet made)', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const routeIds = Object.keys(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it.each(readOnly.map((r) => [r.id, r] as const))(
    'lets read-only %s update only items whose partition starts with RATE# (its buckets)',
    (_id, route) => {
      const updates = statementsOf(route).filter((s) => [s.Action].flat().includes('dynamodb:UpdateItem'));
      expect(updates).toHaveLength(1);
      expect([updates[0]!.Action].flat()).toEqual(['dynamodb:UpdateItem']);
      expect(updates[0]!.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${RATE_BUCKET_PARTITION_PREFIX}*`] },
      });
    },
  );
});

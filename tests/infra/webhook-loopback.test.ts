/** In AWS no webhook reaches loopback: CDK gives no function WEBHOOK_LOOPBACK_ALLOWED, not even those that check targets. */
import { Stack } from 'aws-cdk-lib';
import { ENV } from '../../shared/platform/env';
import { buildTestApp } from './fixture';

const testApp = buildTestApp();

describe('WEBHOOK_LOOPBACK_ALLOWED in the CDK app', () => {
  it('is set on no Lambda function of any stack', () => {
    const stacks = Object.values(testApp.stacks).filter((s): s is Stack => s instanceof Stack);
    expect(stacks.length).toBeGreaterThan(0);
    let functions = 0;
    for (const stack of stacks) {
      const found = testApp.template(stack).findResources('AWS::Lambda::Function');
      for (const fn of Object.values(found)) {
        functions += 1;
        const variables = (fn.Properties?.Environment?.Variables ?? {}) as Record<string, unknown>;
        expect(Object.keys(variables)).not.toContain(ENV.webhookLoopbackAllowed);
      }
    }
    // The webhook routes are among them: the check saw real functions.
    expect(functions).toBeGreaterThan(20);
  });
});

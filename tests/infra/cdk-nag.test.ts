import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { buildTestApp, nagFindings } from './fixture';

const testApp = buildTestApp();
const stacks = Object.entries(testApp.stacks);

describe('cdk-nag AwsSolutions', () => {
  describe.each(stacks)('%s stack', (_name, stack) => {
    it('has no unacknowledged errors', () => {
      expect(nagFindings(testApp, stack).filter((f) => f.severity !== 'warning')).toEqual([]);
    });

    it('has no unacknowledged warnings', () => {
      expect(nagFindings(testApp, stack).filter((f) => f.severity === 'warning')).toEqual([]);
    });
  });
});

describe('CDK annotations', () => {
  describe.each(stacks)('%s stack', (_name, stack) => {
    it('has no error or warning from the construct library when synthesized', () => {
      testApp.template(stack);
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    });
  });
});

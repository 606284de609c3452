import { Match } from 'aws-cdk-lib/assertions';
import { buildTestApp } from './fixture';

const testApp = buildTestApp({ context: { alarmEmail: 'ops@example.gov.vn' } });
const template = testApp.template(testApp.stacks.monitoring);

describe('MonitoringStack', () => {
  describe('alarm topic', () => {
    it('is encrypted with its own KMS key', () => {
      template.hasResourceProperties('AWS::SNS::Topic', {
        KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AlarmsKey'), 'Arn'] },
      });
    });

    it('rotates its key', () => {
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('lets CloudWatch use the key so alarms can publish to the encrypted topic', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: Match.arrayWith(['kms:Decrypt']),
            }),
          ]),
        },
      });
    });

    it('denies publishing without TLS', () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('mails the alarm address when one is configured', () => {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.gov.vn',
      });
    });
  });
});

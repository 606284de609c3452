import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { readStageConfig } from '../../infra/stage';

const context = (values: Record<string, unknown>) => ({ tryGetContext: (key: string) => values[key] });

describe('infra/stage', () => {
  describe('readStageConfig', () => {
    it('prefixes names with the stage when the stage is valid', () => {
      expect(readStageConfig(context({ stage: 'dev' }))).toMatchObject({
        stage: 'dev',
        prefix: 'MotCua-dev',
        isProd: false,
      });
    });

    it('keeps logs a month and removes them with the stage when the stage is not prod', () => {
      expect(readStageConfig(context({ stage: 'dev' }))).toMatchObject({
        logRetention: RetentionDays.ONE_MONTH,
        logRemovalPolicy: RemovalPolicy.DESTROY,
      });
    });

    it('keeps logs a year and retains them when the stage is prod', () => {
      expect(readStageConfig(context({ stage: 'prod' }))).toMatchObject({
        isProd: true,
        logRetention: RetentionDays.ONE_YEAR,
        logRemovalPolicy: RemovalPolicy.RETAIN,
      });
    });

    it('accepts the log retention as a string when it comes from -c on the command line', () => {
      expect(readStageConfig(context({ stage: 'dev', logRetentionDays: '90' })).logRetention).toBe(
        RetentionDays.THREE_MONTHS,
      );
    });

    it('allows only the https origin of the domain when a domain is given', () => {
      expect(
        readStageConfig(context({ stage: 'dev', domain: 'MotCua.Example.gov.vn' })).allowedOrigins,
      ).toEqual(['https://motcua.example.gov.vn']);
    });

    it('allows any origin when no domain is given', () => {
      expect(readStageConfig(context({ stage: 'dev' })).allowedOrigins).toEqual(['*']);
    });

    it('fails naming the key when the stage is missing', () => {
      expect(() => readStageConfig(context({}))).toThrow(/"stage" is required/);
    });

    it('fails when the stage would not fit in resource names', () => {
      expect(() => readStageConfig(context({ stage: 'Prod_Env' }))).toThrow(/"stage" must match/);
    });

    it('lists every problem at once when several values are wrong', () => {
      expect(() =>
        readStageConfig(
          context({ stage: 'dev', alarmEmail: 'ops', domain: 'https://x', logRetentionDays: 42 }),
        ),
      ).toThrow(/alarmEmail[\s\S]*domain[\s\S]*logRetentionDays/);
    });
  });
});

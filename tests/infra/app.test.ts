import * as fs from 'node:fs';
import * as path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildTestApp } from './fixture';

describe('infra/app', () => {
  describe('synthesis', () => {
    it('reports no finding at all when synthesized like cdk synth (cdk-nag and CloudFormation validation)', () => {
      const { app } = buildTestApp({ cfnValidation: true });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

      // Throws on any error finding; warnings only reach the report, so read it too.
      const assembly = app.synth();
      const report = JSON.parse(
        fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'),
      );

      expect(report.pluginReports).toEqual([]);
    });
  });
});

/**
 * The CDK app (`cdk.json` runs it with tsx): read the stage, build its stacks, check them with
 * cdk-nag. Synthesizes offline: no account lookups, no credentials.
 *
 *   npm run synth                      # stage from cdk.json (dev)
 *   npx cdk deploy --all -c stage=prod -c alarmEmail=ops@example.gov.vn -c domain=motcua.example.gov.vn
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FEATURE_FLAGS } from './flags';
import { readStageConfig } from './stage';
import { createStacks } from './stacks';

const app = new App({ context: FEATURE_FLAGS });
const config = readStageConfig(app.node);
createStacks(app, config);

// cdk-nag 3 is a policy-validation plugin (not an Aspect as in v2): it runs after synthesis, an
// unacknowledged error fails the synth and warnings are printed in the validation report.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

app.synth();

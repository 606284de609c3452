/**
 * The cost model's fixed resources are counted from the synthesized app's templates, nested stacks
 * included (bench/stack-inventory.ts), and priced from those counts (bench/cost.ts fixedMonthly).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedMonthly, THAI_BINH_STAFF_MAU } from '../../../bench/cost';
import { inventoryOf } from '../../../bench/stack-inventory';

const resources = (entries: Array<[string, Record<string, unknown>?]>) => ({
  Resources: Object.fromEntries(entries.map(([Type, Properties], i) => [`R${i}`, { Type, Properties }])),
});

describe('the stack inventory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-inventory-test-'));
    writeFileSync(
      path.join(dir, 'MotCua-prod-Api.template.json'),
      JSON.stringify(
        resources([
          ['AWS::CloudWatch::Alarm'],
          ['AWS::CloudWatch::Alarm'],
          ['AWS::CloudFormation::Stack'],
          ['AWS::Cognito::UserPool', { UserPoolTier: 'PLUS' }],
        ]),
      ),
    );
    // A nested stack's template: its alarms count as well.
    writeFileSync(
      path.join(dir, 'MotCuaprodApiRoutesA1B2C3.nested.template.json'),
      JSON.stringify(
        resources([
          ['AWS::CloudWatch::Alarm'],
          ['AWS::Lambda::EventSourceMapping', { BatchSize: 10 }],
          ['AWS::Lambda::EventSourceMapping', { StartingPosition: 'LATEST' }],
          ['AWS::KMS::Key'],
        ]),
      ),
    );
    writeFileSync(path.join(dir, 'manifest.json'), '{}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every template of the assembly, nested stacks included', () => {
    const inventory = inventoryOf(dir, 'prod');
    expect(inventory).toMatchObject({
      templates: { stacks: 1, nested: 1 },
      alarms: 3,
      kmsKeys: 1,
      sqsPollers: 1,
      streamPollers: 1,
      userPools: 1,
      userPoolTiers: ['PLUS'],
    });
  });

  it('prices the counted quantities, not typed-in ones', () => {
    const fixed = fixedMonthly(inventoryOf(dir, 'prod'));
    const quantity = (price: string) => fixed.find((f) => f.price === price)?.quantity;
    expect(quantity('alarm')).toBe(3);
    expect(quantity('kmsKey')).toBe(1);
    expect(quantity('sqsRequest')).toBe(650_000);
    // Plus has no free tier: every staff member who signs in is paid for.
    expect(quantity('cognitoPlusMau')).toBe(THAI_BINH_STAFF_MAU);
  });
});

/**
 * npm run reports:rebuild -- --tenant <t> [--check] [--local]
 *
 * Recomputes every report counter of a tenant from its dossiers and prints every difference
 * (level, period, cell, figure, stored, recomputed), one JSON line each; without --check it
 * repairs them. Exit code 1 when --check found differences (for a scheduled drift check).
 *
 * Against the table the environment names (TABLE_NAME, AWS_REGION, credentials: docs/reports.md
 * for AWS). `--local` points it at `npm start`'s DynamoDB Local with the offline cloud's settings
 * (infra/local/cloud.ts: table mot-cua, region ap-southeast-1, its fixed local credentials, port
 * DYNAMODB_PORT or 8000) unless the environment already sets them.
 */
import { rebuildReports } from '../shared/usecases/rebuild-reports';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const tenant = arg('--tenant');
  if (!tenant) {
    console.error('usage: npm run reports:rebuild -- --tenant <t> [--check] [--local]');
    process.exit(2);
  }
  if (process.argv.includes('--local')) {
    process.env.AWS_ENDPOINT_URL_DYNAMODB ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
    process.env.AWS_REGION ??= 'ap-southeast-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
    process.env.TABLE_NAME ??= 'mot-cua';
  }
  const check = process.argv.includes('--check');
  const result = await rebuildReports(tenant, { repair: !check });
  for (const d of result.differences) console.log(JSON.stringify(d));
  console.log(
    JSON.stringify({
      tenant,
      dossiers: result.dossiers,
      counters: result.counters,
      differences: result.differences.length,
      repaired: check ? 0 : result.differences.length,
    }),
  );
  if (check && result.differences.length > 0) process.exitCode = 1;
}

void main();

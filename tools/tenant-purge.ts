/**
 * `npm run tenant -- purge <tenant id> [--local]`: the purge of a deleted province after its grace
 * period (shared/usecases/tenant-purge.ts), run by the operator with their own AWS credentials, as
 * `npm run reports:rebuild` is. Not an API route on purpose: finding every item of a province takes
 * a Scan, and no function is granted Scan (a scan crosses tenants; infra/constructs/access.ts).
 *
 * Against the resources the environment names (TABLE_NAME, BUCKET_NAME, USER_POOL_ID, AWS_REGION,
 * credentials: docs/deploy.md). `--local` points it at `npm start` (DynamoDB Local, s3rver and the
 * local user store at the API's /_local/cognito-idp; ports DYNAMODB_PORT, S3_PORT, PORT or their
 * defaults) unless the environment already sets them.
 *
 * It runs batch after batch, printing progress, until the province is purged; interrupted (Ctrl-C,
 * a lost connection), it resumes where the last saved batch ended when run again.
 */
import { DEFAULT_PORTS, LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME } from '../infra/local/cloud';
import { COGNITO_PATH, LOCAL_USER_POOL_ID } from '../infra/local/cognito-clients';
import type { Args } from './cli/args';
import { fail } from './cli/args';

export function useLocalCloud(): void {
  const env = process.env;
  env.AWS_ENDPOINT_URL_DYNAMODB ??= `http://127.0.0.1:${env.DYNAMODB_PORT ?? DEFAULT_PORTS.dynamodb}`;
  env.AWS_ENDPOINT_URL_S3 ??= `http://127.0.0.1:${env.S3_PORT ?? DEFAULT_PORTS.s3}`;
  env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??= `http://127.0.0.1:${env.PORT ?? DEFAULT_PORTS.api}${COGNITO_PATH}`;
  env.S3_FORCE_PATH_STYLE ??= 'true';
  env.AWS_REQUEST_CHECKSUM_CALCULATION ??= 'WHEN_REQUIRED';
  env.AWS_RESPONSE_CHECKSUM_VALIDATION ??= 'WHEN_REQUIRED';
  env.AWS_REGION ??= 'ap-southeast-1';
  env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  env.TABLE_NAME ??= LOCAL_TABLE_NAME;
  env.BUCKET_NAME ??= LOCAL_BUCKET_NAME;
  env.USER_POOL_ID ??= LOCAL_USER_POOL_ID;
}

export async function purgeCommand(id: string | undefined, args: Args): Promise<void> {
  if (!id) fail('Cách dùng / usage: npm run tenant -- purge <tenant id> [--local]', 2);
  if (args.options.local === true) useLocalCloud();
  // Imported after the environment is set: the SDK clients read it when first made.
  const { purgeTenant } = await import('../shared/usecases/tenants');
  for (;;) {
    const view = await purgeTenant(id);
    const p = view.purge;
    if (args.options.json !== true && p)
      process.stdout.write(
        `${view.id}: ${p.phase} — tài khoản / users ${p.users}, tệp / objects ${p.objects}, mục / items ${p.items}\n`,
      );
    if (view.status === 'purged') {
      if (args.options.json === true) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
      return;
    }
  }
}

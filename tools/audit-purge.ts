/**
 * `npm run tenant -- audit-purge <tenant id> --before YYYY-MM-DD [--since YYYY-MM-DD] [--local]`:
 * removes the province's audit records of the days before `--before` (from `--since`, by default
 * the day the province was created), which must lie past the retention (two years). The only way
 * audit records are ever removed, besides purging the whole province: run by the operator with
 * their own AWS credentials (no function may delete them). docs/audit.md.
 */
import { useLocalCloud } from './tenant-purge';
import { fail, stringOption, type Args } from './cli/args';

export async function auditPurgeCommand(id: string | undefined, args: Args): Promise<void> {
  const before = stringOption(args, 'before');
  if (!id || !before)
    fail(
      'Cách dùng / usage: npm run tenant -- audit-purge <tenant id> --before YYYY-MM-DD [--since YYYY-MM-DD] [--local]',
      2,
    );
  if (args.options.local === true) useLocalCloud();
  // Imported after the environment is set: the SDK clients read it when first made.
  const { purgeAuditLog } = await import('../shared/usecases/audit-purge');
  const { getTenantRecord } = await import('../shared/data/tenant-record-read');
  const since =
    stringOption(args, 'since') ?? (await getTenantRecord(id))?.createdAt.slice(0, 10) ?? '2020-01-01';
  const total = await purgeAuditLog(id, { since, before }, (day, removed) => {
    if (removed > 0) process.stdout.write(`${id} ${day}: ${removed}\n`);
  });
  process.stdout.write(`${id}: đã xoá / removed ${total} bản ghi nhật ký trước / records before ${before}\n`);
}

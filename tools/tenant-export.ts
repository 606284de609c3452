/**
 * `npm run tenant -- export <tenant id> --out <dir> [--local] [--by <operator name>]`: writes the
 * province's export (shared/usecases/tenant-export.ts) into <dir>/<tenant>-<export id>/ —
 * `items.jsonl`, `attachments/…`, `manifest.json` — then reads every file back and checks it
 * against the manifest (sizes and SHA-256). Exit code 0 only when the export is whole.
 *
 * With AWS credentials and TABLE_NAME, BUCKET_NAME, as the purge (tools/tenant-purge.ts, which
 * also says why this is not an API route); `--local` for `npm start`.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestProblems, type ExportManifest } from '../shared/domain/tenants/export-manifest';
import { fail, stringOption, type Args } from './cli/args';
import { useLocalCloud } from './tenant-purge';

export async function exportCommand(id: string | undefined, args: Args): Promise<void> {
  const out = stringOption(args, 'out');
  if (!id || !out)
    fail('Cách dùng / usage: npm run tenant -- export <tenant id> --out <thư mục / dir> [--local]', 2);
  if (args.options.local === true) useLocalCloud();
  const { exportTenant } = await import('../shared/usecases/tenant-export');
  // Written under a temporary name, renamed once whole: a directory with the final name is complete.
  const work = path.resolve(out, `.${id}-dang-xuat-${process.pid}`);
  await mkdir(work, { recursive: true });
  const inside = async (p: string) => {
    const file = path.join(work, p);
    if (!file.startsWith(`${work}${path.sep}`)) throw new Error(`unsafe path in export: ${p}`);
    await mkdir(path.dirname(file), { recursive: true });
    return file;
  };
  const manifest = await exportTenant(
    id,
    stringOption(args, 'by') ?? process.env.USER ?? 'operator',
    {
      append: async (p, bytes) => appendFile(await inside(p), bytes),
      write: async (p, bytes) => writeFile(await inside(p), bytes),
    },
    ({ items, attachments }) =>
      process.stderr.write(`\r${id}: mục / items ${items}, tệp / attachments ${attachments}   `),
  );
  process.stderr.write('\n');
  const dir = path.resolve(out, `${id}-${manifest.exportId}`);
  await rename(work, dir);
  const problems = await verifyExport(dir);
  if (problems.length > 0) fail(`Bản xuất không khớp / the export does not match:\n${problems.join('\n')}`);
  process.stdout.write(
    `${dir}\nĐã xuất và kiểm tra / exported and verified: ${manifest.counts.items} mục / items, ` +
      `${manifest.counts.attachments} tệp / attachments, manifest.json (SHA-256)\n`,
  );
}

/** Reads the export directory back and compares every file with its manifest. */
export async function verifyExport(dir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
  const found = new Map<string, { bytes: number; sha256: string }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (rel === 'manifest.json') continue;
    const bytes = await readFile(full);
    found.set(rel, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return manifestProblems(manifest, found);
}

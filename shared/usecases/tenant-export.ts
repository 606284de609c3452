/**
 * An export of everything a province has: every item of its partitions as JSON lines
 * (`items.jsonl`, one DynamoDB item per line, as stored) and every scan in the bucket
 * (`attachments/<bucket key>`), with a manifest of counts and SHA-256 of each file
 * (shared/domain/tenants/export-manifest.ts). The province takes it into its own archive before it
 * leaves (docs/deploy.md, "Deleting a province, and retention").
 *
 * Run by the operator's CLI with AWS credentials, like the purge: finding every item takes a Scan,
 * which no function is granted. The files go to a `sink` (the CLI writes them to a directory), so
 * this use case neither knows the file system nor holds a province's scans in memory at once.
 * The export is recorded on the registry item (who, when, its id) and in the province's audit log
 * (`export.tenant`, route `cli:tenant-export`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { manifestOf, type ExportFileEntry, type ExportManifest } from '../domain/tenants/export-manifest';
import type { TenantRecord } from '../domain/tenants/tenant';
import { toVnIso } from '../domain/vn-time';
import { putTenantRecord } from '../data/tenant-repo';
import { getTenantRecord } from '../data/tenant-record-read';
import { objectBytes, tenantItems, tenantObjectKeys } from '../data/tenant-purge-repo';
import { clock } from '../platform/clock';
import { NotFoundError } from '../platform/errors';
import { inRequest } from '../platform/request-context';
import { PLATFORM_TENANT } from '../domain/tenants/tenant';
import { recordAudit } from './audit';

export interface ExportSink {
  /** Appends to a file of the export (created on first write). */
  append(path: string, bytes: Uint8Array): Promise<void>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

const ITEMS_FILE = 'items.jsonl';

export async function exportTenant(
  id: string,
  by: string,
  sink: ExportSink,
  onProgress: (p: { items: number; attachments: number }) => void = () => undefined,
): Promise<ExportManifest> {
  const record = await getTenantRecord(id);
  if (!record || record.status === 'purged')
    throw new NotFoundError(`Không có đơn vị ${id} / no tenant ${id}`);
  const exportId = randomUUID();
  const at = toVnIso(clock.now());
  // In the province's audit log, before any byte is written out: the operator's CLI, by name.
  const operator = { subject: by, username: by, tenant: PLATFORM_TENANT, roles: ['operator' as const] };
  await inRequest({ route: 'cli:tenant-export', requestId: exportId }, () =>
    recordAudit(operator, 'export.tenant', { tenant: id, target: exportId }),
  );
  const files: ExportFileEntry[] = [];

  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  let cursor: string | undefined;
  do {
    const page = await tenantItems(id, cursor);
    if (page.items.length > 0) {
      const chunk = Buffer.from(page.items.map((i) => `${JSON.stringify(i)}\n`).join(''), 'utf8');
      hash.update(chunk);
      bytes += chunk.length;
      lines += page.items.length;
      await sink.append(ITEMS_FILE, chunk);
    }
    onProgress({ items: lines, attachments: 0 });
    cursor = page.next;
  } while (cursor);
  if (lines === 0) await sink.append(ITEMS_FILE, new Uint8Array());
  files.push({ path: ITEMS_FILE, bytes, sha256: hash.digest('hex'), lines });

  for (const area of ['staging', 'stored'] as const) {
    let token: string | undefined;
    do {
      const page = await tenantObjectKeys(id, area, token);
      for (const key of page.keys) {
        const body = await objectBytes(key);
        const path = `attachments/${key}`;
        await sink.write(path, body);
        files.push({ path, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
        onProgress({ items: lines, attachments: files.length - 1 });
      }
      token = page.next;
    } while (token);
  }

  const manifest = manifestOf({ tenant: id, exportId, at, by }, files);
  await sink.write('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  await recordExport(record, { id: exportId, at, by });
  return manifest;
}

/** The last 20 exports are kept on the record; older ones are in the exported manifests. */
async function recordExport(read: TenantRecord, entry: { id: string; at: string; by: string }) {
  const current = (await getTenantRecord(read.id)) ?? read;
  await putTenantRecord({ ...current, exports: [...(current.exports ?? []), entry].slice(-20) });
}

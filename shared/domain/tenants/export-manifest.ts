/**
 * The manifest of a tenant export: what the export holds, so the province (and its archive) can
 * check that what it received is whole. One entry per file with its size, SHA-256 and, for the
 * JSON-lines file of items, its line count; the totals say how many items and scans were taken.
 * Pure: the use case hashes the bytes, this assembles and checks.
 */
export interface ExportFileEntry {
  /** Path inside the export: `items.jsonl`, or `attachments/<bucket key>`. */
  path: string;
  bytes: number;
  sha256: string;
  /** JSON-lines files only: the number of lines (one item per line). */
  lines?: number;
}

export interface ExportManifest {
  format: 'mot-cua-tenant-export/1';
  tenant: string;
  exportId: string;
  /** When the export was taken (Vietnam time) and by whom. */
  at: string;
  by: string;
  counts: { items: number; attachments: number };
  files: ExportFileEntry[];
}

export function manifestOf(
  head: Pick<ExportManifest, 'tenant' | 'exportId' | 'at' | 'by'>,
  files: readonly ExportFileEntry[],
): ExportManifest {
  const items = files.filter((f) => f.lines !== undefined).reduce((n, f) => n + (f.lines ?? 0), 0);
  const attachments = files.filter((f) => f.path.startsWith('attachments/')).length;
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: 'mot-cua-tenant-export/1', ...head, counts: { items, attachments }, files: sorted };
}

/**
 * What does not match between the manifest and the files found (path → their size and SHA-256):
 * a missing file, a file the manifest does not list, another size or hash. Empty when whole.
 */
export function manifestProblems(
  manifest: ExportManifest,
  found: ReadonlyMap<string, { bytes: number; sha256: string }>,
): string[] {
  const problems: string[] = [];
  for (const f of manifest.files) {
    const got = found.get(f.path);
    if (!got) problems.push(`missing: ${f.path}`);
    else if (got.bytes !== f.bytes || got.sha256 !== f.sha256) problems.push(`changed: ${f.path}`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of found.keys()) if (!listed.has(path)) problems.push(`not in the manifest: ${path}`);
  return problems;
}

/** The tenant export's manifest (shared/domain/tenants/export-manifest.ts): counts, order, checks. */
import { manifestOf, manifestProblems } from '../../../shared/domain/tenants/export-manifest';

const head = { tenant: 'h97', exportId: 'e1', at: '2026-12-01T21:00:00+07:00', by: 'vanhanh' };
const files = [
  { path: 'items.jsonl', bytes: 30, sha256: 'a'.repeat(64), lines: 3 },
  { path: 'attachments/stored/h97/X/2/b/scan.pdf', bytes: 4, sha256: 'c'.repeat(64) },
  { path: 'attachments/stored/h97/X/1/a/scan.pdf', bytes: 3, sha256: 'b'.repeat(64) },
];

describe('tenant export manifest', () => {
  it('counts the items (lines) and the attachments, and lists the files in path order', () => {
    const m = manifestOf(head, files);
    expect(m).toMatchObject({
      format: 'mot-cua-tenant-export/1',
      ...head,
      counts: { items: 3, attachments: 2 },
    });
    expect(m.files.map((f) => f.path)).toEqual([
      'attachments/stored/h97/X/1/a/scan.pdf',
      'attachments/stored/h97/X/2/b/scan.pdf',
      'items.jsonl',
    ]);
  });

  it('finds a missing file, a changed one and one the manifest does not list; nothing when whole', () => {
    const m = manifestOf(head, files);
    const whole = new Map(files.map((f) => [f.path, { bytes: f.bytes, sha256: f.sha256 }]));
    expect(manifestProblems(m, whole)).toEqual([]);
    const broken = new Map(whole);
    broken.delete('items.jsonl');
    broken.set('attachments/stored/h97/X/1/a/scan.pdf', { bytes: 3, sha256: 'd'.repeat(64) });
    broken.set('attachments/stored/h98/Y/1/a/other.pdf', { bytes: 1, sha256: 'e'.repeat(64) });
    expect(manifestProblems(m, broken)).toEqual([
      'changed: attachments/stored/h97/X/1/a/scan.pdf',
      'missing: items.jsonl',
      'not in the manifest: attachments/stored/h98/Y/1/a/other.pdf',
    ]);
  });
});

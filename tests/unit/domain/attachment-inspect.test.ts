import { createHash } from 'node:crypto';
import { detectType, inspectUpload } from '../../../shared/domain/attachments/inspect';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const landed = (b: Buffer) => ({ size: b.length, head: new Uint8Array(b.subarray(0, 8)), sha256: sha(b) });

describe('domain/attachments/inspect', () => {
  describe('detectType', () => {
    it('recognises PDF, PNG and JPEG by their first bytes', () => {
      expect(detectType(PDF)).toBe('application/pdf');
      expect(detectType(PNG)).toBe('image/png');
      expect(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
      expect(detectType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
    });
  });
  describe('inspectUpload', () => {
    it('accepts a file that is what it was declared to be', () => {
      expect(
        inspectUpload({ contentType: 'application/pdf', size: PDF.length, sha256: sha(PDF) }, landed(PDF)),
      ).toEqual([]);
    });
    it('flags a PNG declared as a PDF', () => {
      const rules = inspectUpload({ contentType: 'application/pdf', size: PNG.length }, landed(PNG)).map(
        (v) => v.rule,
      );
      expect(rules).toEqual(['type-mismatch']);
    });
    it('flags an executable whatever it claims', () => {
      const exe = Buffer.from('MZ this is not a scan');
      expect(
        inspectUpload({ contentType: 'image/png', size: exe.length }, landed(exe)).map((v) => v.rule),
      ).toEqual(['unknown-type']);
    });
    it('flags a size other than declared and a wrong checksum', () => {
      const rules = inspectUpload(
        { contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
        landed(PDF),
      ).map((v) => v.rule);
      expect(rules).toEqual(['size-mismatch', 'checksum-mismatch']);
    });
    it('flags a file over the limit even when declared so', () => {
      const rules = inspectUpload(
        { contentType: 'application/pdf', size: 30_000_000 },
        { size: 30_000_000, head: new Uint8Array(PDF.subarray(0, 8)), sha256: '' },
      );
      expect(rules.map((v) => v.rule)).toEqual(['too-large']);
    });
  });
});

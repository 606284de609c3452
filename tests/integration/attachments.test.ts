/**
 * Scanned attachments through presigned S3 URLs on s3rver, which enforces no policy: the confirm
 * step must judge the bytes that landed and delete what breaks the rules.
 */
import { createHash } from 'node:crypto';
import { api } from './helpers/api';
import { acceptedLandTransfer } from './helpers/dossiers';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 1),
]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(
  code: string,
  declared: { fileName: string; contentType: string; size: number; sha256?: string },
  bytes: Buffer,
) {
  const ticket = await api.post(`/v1/dossiers/${code}/attachments`, {
    as: 'tiepnhan.binhthanh',
    body: declared,
  });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.upload.url, {
    method: 'PUT',
    headers: ticket.body.upload.headers,
    body: bytes,
  });
  expect(put.ok).toBe(true);
  return ticket.body.attachment.id as string;
}

describe('attachments (integration)', () => {
  let code: string;
  beforeAll(async () => {
    code = (await acceptedLandTransfer()).code;
  });

  describe('upload, confirm, list, download', () => {
    it('stores a PDF that is what it claims, lists it, and serves it back through a short-lived URL', async () => {
      const id = await upload(
        code,
        { fileName: 'hop-dong.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
        PDF,
      );
      const confirmed = await api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ id, status: 'stored', sha256: sha256(PDF), size: PDF.length });

      const list = await api.get(`/v1/dossiers/${code}/attachments`, { as: 'chuyenvien.datdai' });
      expect(list.body.items).toContainEqual(
        expect.objectContaining({ id, status: 'stored', fileName: 'hop-dong.pdf' }),
      );

      const link = await api.get(`/v1/dossiers/${code}/attachments/${id}/download`, {
        as: 'chuyenvien.datdai',
      });
      expect(link.status).toBe(200);
      const file = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
      expect(sha256(file)).toBe(sha256(PDF));
    });

    it('keeps serving the checked bytes after the upload URL is used again with other bytes of the same length', async () => {
      const ticket = await api.post(`/v1/dossiers/${code}/attachments`, {
        as: 'tiepnhan.binhthanh',
        body: { fileName: 'ban-goc.pdf', contentType: 'application/pdf', size: PDF.length },
      });
      const { url, headers } = ticket.body.upload;
      expect((await fetch(url, { method: 'PUT', headers, body: PDF })).ok).toBe(true);
      const id = ticket.body.attachment.id as string;
      const confirmed = await api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(confirmed.body.sha256).toBe(sha256(PDF));

      // The ticket is still within its lifetime: refused, or accepted into a place nobody reads.
      const forged = Buffer.from(PDF);
      forged.write('%PDF-1.7 SUA DOI', 0);
      expect(forged.length).toBe(PDF.length);
      await fetch(url, { method: 'PUT', headers, body: forged });

      const again = await api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(again.body.sha256).toBe(sha256(PDF));
      const listed = (
        await api.get(`/v1/dossiers/${code}/attachments`, { as: 'chuyenvien.datdai' })
      ).body.items.find((a: { id: string }) => a.id === id);
      expect(listed.sha256).toBe(sha256(PDF));
      const link = await api.get(`/v1/dossiers/${code}/attachments/${id}/download`, {
        as: 'chuyenvien.datdai',
      });
      const served = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
      expect(sha256(served)).toBe(listed.sha256);
    });

    it('refuses downloads to staff of an agency the dossier does not pass through', async () => {
      const list = await api.get(`/v1/dossiers/${code}/attachments`, { as: 'chuyenvien.tuphap' });
      expect(list.status).toBe(404);
    });
  });

  describe('rules', () => {
    it('refuses a declared type outside PDF/JPEG/PNG and a declared size over the limit, before any upload', async () => {
      const exe = await api.post(`/v1/dossiers/${code}/attachments`, {
        as: 'tiepnhan.binhthanh',
        body: { fileName: 'virus.exe', contentType: 'application/x-msdownload', size: 100 },
      });
      expect(exe.status).toBe(400);
      expect(exe.body.errors[0].field).toBe('body.contentType');
      const big = await api.post(`/v1/dossiers/${code}/attachments`, {
        as: 'tiepnhan.binhthanh',
        body: { fileName: 'scan.pdf', contentType: 'application/pdf', size: 50 * 1024 * 1024 },
      });
      expect(big.status).toBe(400);
      expect(big.body.errors[0]).toMatchObject({ field: 'body.size', rule: 'too_big' });
    });

    it('deletes a PNG uploaded as a PDF and answers 422', async () => {
      const id = await upload(
        code,
        { fileName: 'gia-mao.pdf', contentType: 'application/pdf', size: PNG.length },
        PNG,
      );
      const confirmed = await api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(confirmed.status).toBe(422);
      expect(confirmed.body.errors.map((e: { rule: string }) => e.rule)).toContain('type-mismatch');
      const list = await api.get(`/v1/dossiers/${code}/attachments`, { as: 'tiepnhan.binhthanh' });
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
      expect(
        (await api.get(`/v1/dossiers/${code}/attachments/${id}/download`, { as: 'tiepnhan.binhthanh' }))
          .status,
      ).toBe(404);
    });

    it('deletes an upload larger than declared (s3rver ignores the signed length)', async () => {
      const declared = 100;
      const id = await upload(
        code,
        { fileName: 'lon-hon.pdf', contentType: 'application/pdf', size: declared },
        PDF,
      );
      const confirmed = await api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(confirmed.status).toBe(422);
      expect(confirmed.body.errors.map((e: { rule: string }) => e.rule)).toContain('size-mismatch');
    });

    it('answers confirm before any upload with 409, and an unknown attachment with 404', async () => {
      const ticket = await api.post(`/v1/dossiers/${code}/attachments`, {
        as: 'tiepnhan.binhthanh',
        body: { fileName: 'chua.pdf', contentType: 'application/pdf', size: 10 },
      });
      const early = await api.post(`/v1/dossiers/${code}/attachments/${ticket.body.attachment.id}/confirm`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(early.status).toBe(409);
      expect(
        (
          await api.post(`/v1/dossiers/${code}/attachments/01JZZZZZZZZZZZZZZZZZZZZZZZ/confirm`, {
            as: 'tiepnhan.binhthanh',
          })
        ).status,
      ).toBe(404);
    });
  });
});

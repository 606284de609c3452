/**
 * Scanned attachments through presigned S3 URLs on s3rver, which enforces no policy: the confirm
 * step must judge the bytes that landed and delete what breaks the rules, and what it judged must
 * be what is served from then on, whatever is PUT to the upload URL afterwards.
 */
import { createHash } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { MAX_PENDING_UPLOADS, PENDING_UPLOAD_SECONDS } from '../../shared/domain/attachments/pending';
import { api, type RequestOptions } from './helpers/api';
import { acceptedLandTransfer } from './helpers/dossiers';
import {
  sharedCloud,
  startCloudProcess,
  stopCloudProcess,
  type CloudHandle,
  type ReadyInfo,
} from './helpers/offline';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 1),
]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Other bytes of the same length that are a PDF too: nothing in the confirm's rules tells them apart. */
const FORGED = Buffer.from(PDF);
FORGED.write('%PDF-1.7 SUA DOI', 0);

type Caller = Pick<RequestOptions, 'as' | 'token' | 'baseUrl'>;
const COUNTER: Caller = { as: 'tiepnhan.binhthanh' };

async function ticketFor(
  code: string,
  declared: { fileName: string; contentType: string; size: number; sha256?: string },
  caller: Caller = COUNTER,
) {
  const ticket = await api.post(`/v1/dossiers/${code}/attachments`, { ...caller, body: declared });
  expect(ticket.status).toBe(201);
  return {
    id: ticket.body.attachment.id as string,
    put: (bytes: Buffer) =>
      fetch(ticket.body.upload.url, { method: 'PUT', headers: ticket.body.upload.headers, body: bytes }),
  };
}

async function upload(
  code: string,
  declared: { fileName: string; contentType: string; size: number; sha256?: string },
  bytes: Buffer,
  caller: Caller = COUNTER,
) {
  const ticket = await ticketFor(code, declared, caller);
  expect((await ticket.put(bytes)).ok).toBe(true);
  return ticket.id;
}

const confirm = (code: string, id: string, caller: Caller = COUNTER) =>
  api.post(`/v1/dossiers/${code}/attachments/${id}/confirm`, caller);

/** The bytes a download link of the attachment serves. */
async function downloaded(code: string, id: string): Promise<Buffer> {
  const link = await api.get(`/v1/dossiers/${code}/attachments/${id}/download`, { as: 'chuyenvien.datdai' });
  expect(link.status).toBe(200);
  return Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
}

async function listed(code: string, id: string, caller: Caller = COUNTER) {
  const list = await api.get(`/v1/dossiers/${code}/attachments`, caller);
  return (list.body.items as Array<{ id: string; status: string; sha256?: string }>).find((a) => a.id === id);
}

/** Keys in the cloud's bucket under a prefix, read with S3's own API (as the lifecycle rule would see them). */
async function bucketKeys(info: ReadyInfo, prefix: string): Promise<string[]> {
  const s3 = new S3Client({
    endpoint: info.endpoints.s3,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
  try {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: info.bucketName, Prefix: prefix }));
    return (page.Contents ?? []).map((o) => o.Key as string);
  } finally {
    s3.destroy();
  }
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
      const ticket = await ticketFor(code, {
        fileName: 'ban-goc.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      });
      expect((await ticket.put(PDF)).ok).toBe(true);
      const confirmed = await confirm(code, ticket.id);
      expect(confirmed.body).toMatchObject({ status: 'stored', sha256: sha256(PDF) });
      // The checked bytes left the staging key for one named by their hash.
      const { tenant } = sharedCloud();
      expect(await bucketKeys(sharedCloud(), `staging/${tenant}/${code}/${ticket.id}`)).toEqual([]);
      expect(await bucketKeys(sharedCloud(), `stored/${tenant}/${code}/${ticket.id}/`)).toEqual([
        `stored/${tenant}/${code}/${ticket.id}/${sha256(PDF)}/ban-goc.pdf`,
      ]);

      // The ticket is still within its lifetime: refused, or accepted into a place nothing serves.
      await ticket.put(FORGED);

      expect((await confirm(code, ticket.id)).body.sha256).toBe(sha256(PDF));
      expect((await listed(code, ticket.id))?.sha256).toBe(sha256(PDF));
      expect(sha256(await downloaded(code, ticket.id))).toBe(sha256(PDF));
    });

    it('serves what it lists when a PUT of other bytes races the confirm', async () => {
      const tickets = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          ticketFor(code, { fileName: `dua-${i}.pdf`, contentType: 'application/pdf', size: PDF.length }),
        ),
      );
      await Promise.all(tickets.map(async (t) => expect((await t.put(PDF)).ok).toBe(true)));
      const outcomes = await Promise.all(
        tickets.map(async (t) => (await Promise.all([confirm(code, t.id), t.put(FORGED)]))[0]),
      );
      for (const [i, outcome] of outcomes.entries()) {
        expect(outcome.status).toBe(200);
        // Either version may have been judged; whichever it was is the one listed and served.
        expect([sha256(PDF), sha256(FORGED)]).toContain(outcome.body.sha256);
        expect((await listed(code, tickets[i]!.id))?.sha256).toBe(outcome.body.sha256);
        expect(sha256(await downloaded(code, tickets[i]!.id))).toBe(outcome.body.sha256);
      }
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

    it(`holds at most ${MAX_PENDING_UPLOADS} unconfirmed uploads per dossier, answering 422 pending-upload-limit beyond`, async () => {
      const own = (await acceptedLandTransfer()).code;
      const declared = { fileName: 'cho.pdf', contentType: 'application/pdf', size: PDF.length };
      const first = await upload(own, declared, PDF);
      for (let i = 1; i < MAX_PENDING_UPLOADS; i++) await ticketFor(own, declared);

      const refused = await api.post(`/v1/dossiers/${own}/attachments`, { ...COUNTER, body: declared });
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.type).toMatch(/\/pending-upload-limit$/);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'dossier', rule: 'pending-upload-limit' }),
      ]);
      expect(refused.body.detail).toMatch(/tối đa 20.* \/ .*at most 20/);

      // A confirmed scan is no longer pending: its place is free again.
      expect((await confirm(own, first)).status).toBe(200);
      await ticketFor(own, declared);
    });
  });
});

// Moves the clock a day ahead, so on a cloud of its own: the shared one's clock is every test file's.
describe('attachments: unconfirmed uploads expire (own cloud)', () => {
  let cloud: CloudHandle | undefined;
  afterAll(async () => {
    if (cloud) await stopCloudProcess(cloud, { removeData: true });
  });

  it('sweeps the staged object a day later, refuses its confirm, lists it no more and frees its place', async () => {
    cloud = await startCloudProcess();
    const caller: Caller = { baseUrl: cloud.baseUrl, token: cloud.tokens['tiepnhan.binhthanh'] };
    const { code } = await acceptedLandTransfer({ baseUrl: caller.baseUrl, token: caller.token });
    const declared = { fileName: 'bo-quen.pdf', contentType: 'application/pdf', size: PDF.length };
    const forgotten = await upload(code, declared, PDF, caller);
    for (let i = 1; i < MAX_PENDING_UPLOADS; i++) await ticketFor(code, declared, caller);
    expect((await api.post(`/v1/dossiers/${code}/attachments`, { ...caller, body: declared })).status).toBe(
      422,
    );
    const staged = `staging/${cloud.info.tenant}/${code}/${forgotten}`;
    expect(await bucketKeys(cloud.info, staged)).toEqual([staged]);

    // A minute short of the day: still there.
    const move = (advanceMs: number) =>
      api.post('/_local/clock', { baseUrl: caller.baseUrl, body: { advanceMs } });
    expect((await move((PENDING_UPLOAD_SECONDS - 60) * 1000)).status).toBe(200);
    expect((await listed(code, forgotten, caller))?.status).toBe('pending');
    expect(await bucketKeys(cloud.info, staged)).toEqual([staged]);

    // The day has passed: the sweep, run on the clock's move, deletes the staged object by itself.
    expect((await move(120_000)).status).toBe(200);
    for (let tries = 0; (await bucketKeys(cloud.info, staged)).length > 0; tries++) {
      expect(tries).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The record is still in the table (DynamoDB Local never deletes expired items): the API treats it as gone.
    expect(await listed(code, forgotten, caller)).toBeUndefined();
    const late = await confirm(code, forgotten, caller);
    expect(late.status).toBe(404);
    expect(late.body.detail).toMatch(/hết hạn.* \/ .*expired/);
    await ticketFor(code, declared, caller);
  });
});

/**
 * The receipt secret (issue 11 §7), through HTTP against the shared offline cloud: a counter
 * reception answers the secret once and form 01 prints it (the same on a reprint); with it, and
 * only with it, an applicant without an account sees the full status, supplements an online
 * dossier the counter asked to complete, and withdraws; without it, or with a wrong or another
 * dossier's, the answer is the 404 an unknown code gets. The public view and the staff view never
 * show it (that the table holds it sealed and the logs never: personal-data.test.ts, whose cloud
 * logs at INFO). With it, too, the applicant uploads the missing scans for a supplement through the
 * presigned URL (s3rver here), under the signed-in upload's rules, and the counter sees them.
 */
import { createHash } from 'node:crypto';
import { pdfText } from '../fixtures/forms/pdf-tools';
import { api, newCitizenToken, type ApiResponse } from './helpers/api';
import { LAND_TRANSFER_APPLICANT } from './helpers/dossiers';

const SECRET = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const withSecret = (secret: string | undefined) =>
  secret === undefined ? {} : { headers: { 'x-receipt-secret': secret } };
const status = (code: string, secret?: string) =>
  api.get(`/v1/public/demo/dossiers/${code}/status`, withSecret(secret));
const actByReceipt = (code: string, secret: string | undefined, body: Record<string, unknown>) =>
  api.post(`/v1/public/demo/dossiers/${code}/actions`, { body, ...withSecret(secret) });

const attachmentsPath = (code: string, tenant = 'demo') =>
  `/v1/public/${tenant}/dossiers/${code}/attachments`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SCAN = { fileName: 'to-khai-co-chu-ky.pdf', contentType: 'application/pdf', size: PDF.length };

/** A 404 problem with the dossier code taken out: what an unknown code and a refusal share. */
const shapeOf = (res: ApiResponse, code: string) => ({
  status: res.status,
  type: res.headers['content-type'],
  body: JSON.parse(JSON.stringify(res.body).replaceAll(code, '<code>')) as Record<string, unknown>,
});

async function counterDossier(channel: 'counter' | 'postal' = 'counter') {
  const res = await api.post('/v1/dossiers', {
    as: 'tiepnhan.binhthanh',
    body: {
      procedureCode: '1.004227',
      channel,
      applicant: LAND_TRANSFER_APPLICANT,
      request: 'Đăng ký biến động do chuyển nhượng',
      decision: { outcome: 'accept' },
    },
  });
  expect(res.status).toBe(201);
  expect(res.body.receiptSecret).toMatch(SECRET);
  return res.body as { code: string; version: number; receiptSecret: string };
}

describe('the receipt secret (integration)', () => {
  let received: { code: string; version: number; receiptSecret: string };

  beforeAll(async () => {
    received = await counterDossier();
  });

  it('is printed on form 01, labelled, and a reprint prints the same one', async () => {
    const pdf = await api.get<Buffer>(`/v1/dossiers/${received.code}/forms/01.pdf`, {
      as: 'tiepnhan.binhthanh',
    });
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body).replace(/\s+/g, ' ');
    expect(text).toContain(`Mã bí mật tra cứu: ${received.receiptSecret}`);
    expect(text).toContain('giữ kín');
    const again = await api.get<Buffer>(`/v1/dossiers/${received.code}/forms/01.pdf`, {
      as: 'tiepnhan.binhthanh',
    });
    expect(again.body.equals(pdf.body)).toBe(true);
  });

  it('comes with a postal reception too, each dossier its own', async () => {
    const postal = await counterDossier('postal');
    expect(postal.receiptSecret).not.toBe(received.receiptSecret);
  });

  it('shows the full status, as typed by a person (lower case, spaces), without contact data', async () => {
    const typed = received.receiptSecret.toLowerCase().replace('-', ' ');
    const res = await status(received.code, typed);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toMatchObject({
      code: received.code,
      status: 'received',
      applicant: { kind: 'citizen' },
    });
    expect(res.body.steps.length).toBeGreaterThan(1);
    expect(res.body.appointmentAt).toEqual(expect.any(String));
    const text = JSON.stringify(res.body);
    for (const personal of [
      LAND_TRANSFER_APPLICANT.name,
      LAND_TRANSFER_APPLICANT.idNumber,
      LAND_TRANSFER_APPLICANT.phone,
      LAND_TRANSFER_APPLICANT.address,
      received.receiptSecret,
    ])
      expect(text).not.toContain(personal);
  });

  it('without it, with a wrong one or another dossier’s: the 404 of an unknown code, nothing more', async () => {
    const other = await counterDossier();
    const unknownCode = `${received.code.slice(0, -4)}9999`;
    const unknown = shapeOf(await status(unknownCode, received.receiptSecret), unknownCode);
    expect(unknown.status).toBe(404);
    for (const res of [
      await status(received.code),
      await status(received.code, 'ZZZZZ-ZZZZZ'),
      await status(received.code, 'not a secret'),
      await status(received.code, other.receiptSecret),
      await actByReceipt(received.code, other.receiptSecret, {
        action: 'withdraw',
        reason: 'Thử',
        expectedVersion: received.version,
      }),
    ])
      expect(shapeOf(res, received.code)).toEqual({
        ...unknown,
        body: { ...unknown.body, instance: expect.any(String) },
      });
    // The dossier is untouched.
    expect((await status(received.code, received.receiptSecret)).body.status).toBe('received');
  });

  it('is in neither the public tracking view nor the staff view', async () => {
    const tracking = await api.get(`/v1/public/demo/dossiers/${received.code}`);
    expect(tracking.status).toBe(200);
    const staff = await api.get(`/v1/dossiers/${received.code}`, { as: 'tiepnhan.binhthanh' });
    expect(staff.status).toBe(200);
    for (const res of [tracking, staff]) {
      expect(JSON.stringify(res.body)).not.toContain(received.receiptSecret);
      expect(res.body.receiptSecret).toBeUndefined();
    }
  });

  it('supplements an online dossier the counter asked to complete, with the citizen’s own answer’s secret', async () => {
    const citizen = await newCitizenToken(`0010990${String(Date.now()).slice(-5)}`, 'Trần Thị Bổ Sung');
    const submitted = await api.post('/v1/dossiers', {
      token: citizen,
      body: {
        procedureCode: '2.000488',
        channel: 'online',
        request: 'Cấp Phiếu lý lịch tư pháp số 1',
        applicant: {
          name: 'Trần Thị Bổ Sung',
          idNumber: '001099000321',
          phone: '0987000321',
          address: 'Hà Nội',
        },
      },
    });
    expect(submitted.status).toBe(201);
    const { code, receiptSecret } = submitted.body as { code: string; receiptSecret: string };
    expect(receiptSecret).toMatch(SECRET);
    const asked = await api.post(`/v1/dossiers/${code}/reception-decision`, {
      as: 'tiepnhan.tinh',
      body: {
        outcome: 'requestSupplement',
        items: [{ document: 'Tờ khai', reason: 'Thiếu chữ ký' }],
        expectedVersion: 1,
      },
    });
    expect(asked.status).toBe(200);
    const before = await status(code, receiptSecret);
    expect(before.body).toMatchObject({ status: 'supplementRequested', supplementRequest: { form: '02' } });
    const stale = await actByReceipt(code, receiptSecret, { action: 'resubmit', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const res = await actByReceipt(code, receiptSecret, {
      action: 'resubmit',
      documents: [{ name: 'Tờ khai có chữ ký', kind: 'original', copies: 1 }],
      note: 'Đã ký tờ khai',
      expectedVersion: before.body.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', documents: [{ name: 'Tờ khai có chữ ký' }] });
    const sheet = await api.get(`/v1/dossiers/${code}/history`, { as: 'tiepnhan.tinh' });
    expect(sheet.body.lines.at(-1)).toMatchObject({ event: 'resubmitted', actor: 'người nộp (mã bí mật)' });
  });

  it('withdraws, where the lifecycle allows it, and then a second time is refused (409)', async () => {
    const current = await status(received.code, received.receiptSecret);
    const res = await actByReceipt(received.code, received.receiptSecret, {
      action: 'withdraw',
      reason: 'Không còn nhu cầu',
      expectedVersion: current.body.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Không còn nhu cầu' } });
    const again = await actByReceipt(received.code, received.receiptSecret, {
      action: 'withdraw',
      reason: 'Lần nữa',
      expectedVersion: res.body.version,
    });
    expect(again.status).toBe(409);
    // Public tracking shows the new status, and still nothing personal.
    const tracking = await api.get(`/v1/public/demo/dossiers/${received.code}`);
    expect(tracking.body.status).toBe('withdrawn');
    expect(JSON.stringify(tracking.body)).not.toContain(LAND_TRANSFER_APPLICANT.idNumber);
  });

  describe('uploading the missing scans with it', () => {
    const upload = (
      code: string,
      secret: string | undefined,
      body: Record<string, unknown>,
      tenant = 'demo',
    ) => api.post(attachmentsPath(code, tenant), { body, ...withSecret(secret) });
    const confirm = (code: string, secret: string | undefined, id: string) =>
      api.post(`${attachmentsPath(code)}/${id}/confirm`, withSecret(secret));
    const holderList = (code: string, secret: string | undefined) =>
      api.get(attachmentsPath(code), withSecret(secret));
    const staffList = async (code: string) => {
      const res = await api.get(`/v1/dossiers/${code}/attachments`, { as: 'tiepnhan.binhthanh' });
      expect(res.status).toBe(200);
      return res.body.items as Array<{ id: string; status: string; fileName: string; sha256?: string }>;
    };
    let asked: { code: string; version: number; receiptSecret: string };

    beforeAll(async () => {
      // The counter received it incomplete: a supplement request (form 02) and the secret on the receipt.
      const res = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        body: {
          procedureCode: '1.004227',
          channel: 'counter',
          applicant: LAND_TRANSFER_APPLICANT,
          request: 'Đăng ký biến động do chuyển nhượng',
          decision: {
            outcome: 'requestSupplement',
            items: [{ document: 'Tờ khai', reason: 'Thiếu chữ ký' }],
          },
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('supplementRequested');
      asked = res.body;
    });

    it('uploads through the presigned URL, confirms, resubmits, and the counter sees the scan', async () => {
      const ticket = await upload(asked.code, asked.receiptSecret, {
        ...SCAN,
        sha256: sha256(PDF),
        document: 'Tờ khai',
      });
      expect(ticket.status).toBe(201);
      expect(ticket.headers['cache-control']).toBe('private, no-store');
      const { attachment, upload: url } = ticket.body;
      expect(attachment).toMatchObject({ status: 'pending', fileName: SCAN.fileName, document: 'Tờ khai' });
      // The bucket area and key scheme of the signed-in upload: the tenant's staging prefix.
      expect(new URL(url.url).pathname).toContain(`/staging/demo/${asked.code}/${attachment.id}`);
      // Not yet uploaded: the confirm says so and stores nothing.
      expect((await confirm(asked.code, asked.receiptSecret, attachment.id)).status).toBe(409);
      const put = await fetch(url.url, { method: 'PUT', headers: url.headers, body: PDF });
      expect(put.ok).toBe(true);
      const confirmed = await confirm(asked.code, asked.receiptSecret, attachment.id);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ id: attachment.id, status: 'stored', sha256: sha256(PDF) });

      const mine = await holderList(asked.code, asked.receiptSecret);
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual([expect.objectContaining({ id: attachment.id, status: 'stored' })]);

      const current = await status(asked.code, asked.receiptSecret);
      const resubmitted = await actByReceipt(asked.code, asked.receiptSecret, {
        action: 'resubmit',
        documents: [{ name: 'Tờ khai có chữ ký', kind: 'original', copies: 1 }],
        note: `Đã tải lên bản quét ${attachment.id}`,
        expectedVersion: current.body.version,
      });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body.status).toBe('submitted');

      // The counter sees the scan, stored as judged, and downloads the very bytes.
      expect(await staffList(asked.code)).toContainEqual(
        expect.objectContaining({ id: attachment.id, status: 'stored', sha256: sha256(PDF) }),
      );
      const link = await api.get(`/v1/dossiers/${asked.code}/attachments/${attachment.id}/download`, {
        as: 'tiepnhan.binhthanh',
      });
      expect(link.status).toBe(200);
      expect(sha256(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()))).toBe(sha256(PDF));
      const sheet = await api.get(`/v1/dossiers/${asked.code}/history`, { as: 'tiepnhan.binhthanh' });
      expect(sheet.body.lines.at(-1)).toMatchObject({ event: 'resubmitted', actor: 'người nộp (mã bí mật)' });
    });

    it('answers a retry with the same Idempotency-Key with the first ticket, and no second upload', async () => {
      const key = `receipt-upload-${Date.now()}`;
      const body = { ...SCAN, fileName: 'lan-hai.pdf' };
      const first = await api.post(attachmentsPath(asked.code), {
        body,
        idempotencyKey: key,
        ...withSecret(asked.receiptSecret),
      });
      const again = await api.post(attachmentsPath(asked.code), {
        body,
        idempotencyKey: key,
        ...withSecret(asked.receiptSecret),
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.attachment.id).toBe(first.body.attachment.id);
      const pending = (await holderList(asked.code, asked.receiptSecret)).body.items.filter(
        (a: { fileName: string }) => a.fileName === 'lan-hai.pdf',
      );
      expect(pending).toHaveLength(1);
    });

    it('shows and confirms only the holder’s own uploads, not the counter’s', async () => {
      const theirs = await api.post(`/v1/dossiers/${asked.code}/attachments`, {
        as: 'tiepnhan.binhthanh',
        body: { fileName: 'cccd-nguyen-van-a.pdf', contentType: 'application/pdf', size: PDF.length },
      });
      expect(theirs.status).toBe(201);
      expect((await confirm(asked.code, asked.receiptSecret, theirs.body.attachment.id)).status).toBe(404);
      const listed = JSON.stringify((await holderList(asked.code, asked.receiptSecret)).body);
      expect(listed).not.toContain(theirs.body.attachment.id);
      expect(listed).not.toContain('cccd-nguyen-van-a');
    });

    it('without the secret, with a wrong one or under another tenant: the 404 of an unknown code', async () => {
      const unknownCode = `${asked.code.slice(0, -4)}9999`;
      const unknown = shapeOf(await upload(unknownCode, asked.receiptSecret, SCAN), unknownCode);
      expect(unknown.status).toBe(404);
      const before = (await staffList(asked.code)).length;
      const [someId] = (await staffList(asked.code)).map((a) => a.id);
      for (const res of [
        await upload(asked.code, undefined, SCAN),
        await upload(asked.code, 'ZZZZZ-ZZZZZ', SCAN),
        await upload(asked.code, received.receiptSecret, SCAN),
        await upload(asked.code, asked.receiptSecret, SCAN, 'tinh-khac'),
        await holderList(asked.code, 'ZZZZZ-ZZZZZ'),
        await confirm(asked.code, 'ZZZZZ-ZZZZZ', someId as string),
      ])
        expect(shapeOf(res, asked.code)).toEqual({
          ...unknown,
          body: { ...unknown.body, instance: expect.any(String) },
        });
      expect(await staffList(asked.code)).toHaveLength(before);
    });

    it('refuses an oversized file or another type (400), storing nothing', async () => {
      const before = await staffList(asked.code);
      for (const body of [
        { ...SCAN, size: 20 * 1024 * 1024 + 1 },
        { ...SCAN, fileName: 'ho-so.zip', contentType: 'application/zip' },
        { ...SCAN, fileName: '../../stored/x.pdf' },
      ]) {
        const res = await upload(asked.code, asked.receiptSecret, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      expect(await staffList(asked.code)).toEqual(before);
    });

    it('refuses a file the dossier can no longer take (409): the signed-in rule, a closed dossier', async () => {
      const closed = await counterDossier();
      const withdrawn = await actByReceipt(closed.code, closed.receiptSecret, {
        action: 'withdraw',
        reason: 'Không còn nhu cầu',
        expectedVersion: closed.version,
      });
      expect(withdrawn.body.status).toBe('withdrawn');
      const res = await upload(closed.code, closed.receiptSecret, SCAN);
      expect(res.status).toBe(409);
      expect(await staffList(closed.code)).toEqual([]);
    });
  });
});

/**
 * The reception desk end to end, through HTTP against the offline cloud (DynamoDB Local, s3rver):
 * counter, online and postal submission, idempotent retries, the daily sequence under concurrency,
 * public tracking without personal data, and every bad input answered 4xx problem+json.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { api, baseUrl, newCitizenToken } from './helpers/api';
import { expectReadsAudited } from './helpers/audit';
import { staffReadsOn } from './helpers/read-ledger';
import { sharedCloud } from './helpers/offline';

const applicant = {
  name: 'Nguyễn Văn An',
  idNumber: '001099012345',
  phone: '0912345678',
  email: 'an.nguyen@example.vn',
  address: 'Thôn Đông, xã Bình Thành',
};

const landTransfer = (over: Record<string, unknown> = {}) => ({
  procedureCode: '1.004227',
  channel: 'counter',
  applicant,
  request: 'Đăng ký biến động do chuyển nhượng thửa đất số 125, tờ bản đồ số 7',
  documents: [
    { name: 'Đơn đăng ký biến động', kind: 'original' },
    { name: 'Hợp đồng chuyển nhượng có công chứng', kind: 'certifiedCopy', copies: 2 },
  ],
  decision: { outcome: 'accept' },
  ...over,
});

const CODE = /^000\.30\.01\.H99-\d{6}-\d{4}$/;
const sequenceOf = (code: string) => Number(code.split('-').at(-1));

describe('reception (integration)', () => {
  describe('POST /v1/dossiers at a counter', () => {
    it('accepts a complete dossier: legal code, appointment, form 01 receipt and a Location', async () => {
      const res = await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body: landTransfer() });
      expect(res.status).toBe(201);
      expect(res.body.code).toMatch(CODE);
      expect(res.headers.location).toBe(`/v1/dossiers/${res.body.code}`);
      expect(res.body).toMatchObject({
        status: 'received',
        channel: 'counter',
        receivingAgency: '000.30.01.H99',
        competentAgency: '000.08.21.H99',
      });
      expect(res.body.appointmentAt).toMatch(/\+07:00$/);
      expect(new Date(res.body.appointmentAt).getTime()).toBeGreaterThan(
        new Date(res.body.receivedAt).getTime(),
      );
      expect(res.body.receipt).toMatchObject({
        form: '01',
        dossierCode: res.body.code,
        processingTime: '10 ngày làm việc',
      });
      expect(res.body.fee).toEqual({ amount: 50000, currency: 'VND' });
      expect(res.body.steps.map((s: { agency: string }) => s.agency)).toEqual([
        '000.30.01.H99',
        '000.08.21.H99',
        '000.10.20.H99',
        '000.08.21.H99',
        '000.30.01.H99',
      ]);
    });

    it('records a supplement request (form 02) and a refusal (form 03) with their content', async () => {
      const items = [{ document: 'Tờ khai thuế', reason: 'Thiếu chữ ký của bên nhận chuyển nhượng' }];
      const supplement = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        body: landTransfer({ decision: { outcome: 'requestSupplement', items } }),
      });
      expect(supplement.status).toBe(201);
      expect(supplement.body).toMatchObject({
        status: 'supplementRequested',
        appointmentAt: null,
        supplementRequest: { items, form: '02' },
      });
      const refusal = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        body: landTransfer({ decision: { outcome: 'refuse', reason: 'Thửa đất đang có tranh chấp' } }),
      });
      expect(refusal.body).toMatchObject({
        status: 'refused',
        refusal: { reason: 'Thửa đất đang có tranh chấp', form: '03' },
      });
    });

    it('receives at the provincial centre for a land office regardless of boundary, and by post', async () => {
      const res = await api.post('/v1/dossiers', {
        as: 'tiepnhan.tinh',
        body: landTransfer({
          channel: 'postal',
          postalTrackingNumber: 'EI123456789VN',
          resultDelivery: 'post',
        }),
      });
      expect(res.status).toBe(201);
      expect(res.body.code).toMatch(/^000\.00\.01\.H99-/);
      expect(res.body).toMatchObject({
        channel: 'postal',
        competentAgency: '000.08.21.H99',
        resultDelivery: 'post',
      });
    });
  });

  describe('POST /v1/dossiers online', () => {
    it("takes a citizen's dossier, the counter accepts it later, and only that citizen sees it in full", async () => {
      const citizen = await newCitizenToken(`cccd-${randomUUID()}`, 'Lê Thị Hoa');
      const submitted = await api.post('/v1/dossiers', {
        token: citizen,
        body: {
          procedureCode: '2.000488',
          channel: 'online',
          applicant: { ...applicant, name: 'Lê Thị Hoa' },
          request: 'Cấp Phiếu lý lịch tư pháp số 1',
        },
      });
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        receivingAgency: '000.00.01.H99',
        appointmentAt: null,
      });
      const code = submitted.body.code as string;

      const decided = await api.post(`/v1/dossiers/${code}/reception-decision`, {
        as: 'tiepnhan.tinh',
        body: { outcome: 'accept', expectedVersion: submitted.body.version },
      });
      expect(decided.status).toBe(200);
      expect(decided.body.status).toBe('received');
      expect(decided.body.appointmentAt).not.toBeNull();
      const again = await api.post(`/v1/dossiers/${code}/reception-decision`, {
        as: 'tiepnhan.tinh',
        body: { outcome: 'accept', expectedVersion: decided.body.version },
      });
      expect(again.status).toBe(409);

      expect((await api.get(`/v1/dossiers/${code}`, { token: citizen })).status).toBe(200);
      const stranger = await newCitizenToken(`cccd-${randomUUID()}`, 'Người khác');
      const hidden = await api.get(`/v1/dossiers/${code}`, { token: stranger });
      expect(hidden.status).toBe(404);
      expect(hidden.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('lets the citizen complete a dossier the counter asked to supplement, then the counter accepts it', async () => {
      const citizen = await newCitizenToken(`cccd-${randomUUID()}`, 'Đặng Văn Hải');
      const submitted = await api.post('/v1/dossiers', {
        token: citizen,
        body: {
          procedureCode: '2.000488',
          channel: 'online',
          applicant: { ...applicant, name: 'Đặng Văn Hải' },
          request: 'Cấp Phiếu lý lịch tư pháp số 2',
        },
      });
      const code = submitted.body.code as string;
      const items = [{ document: 'Bản chụp căn cước', reason: 'Ảnh mờ, không đọc được số' }];
      const asked = await api.post(`/v1/dossiers/${code}/reception-decision`, {
        as: 'tiepnhan.tinh',
        body: { outcome: 'requestSupplement', items, expectedVersion: submitted.body.version },
      });
      expect(asked.body).toMatchObject({ status: 'supplementRequested', supplementRequest: { items } });

      const stranger = await newCitizenToken(`cccd-${randomUUID()}`, 'Người lạ');
      const notTheirs = await api.post(`/v1/dossiers/${code}/actions`, {
        token: stranger,
        body: { action: 'resubmit', expectedVersion: asked.body.version },
      });
      expect(notTheirs.status).toBe(404);
      const documents = [{ name: 'Bản chụp căn cước', kind: 'electronic', copies: 1 }];
      const resubmitted = await api.post(`/v1/dossiers/${code}/actions`, {
        token: citizen,
        body: { action: 'resubmit', expectedVersion: asked.body.version, documents, note: 'Đã chụp lại' },
      });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ status: 'submitted', documents });

      // A decision locks on the version it was taken on, like every action.
      const stale = await api.post(`/v1/dossiers/${code}/reception-decision`, {
        as: 'tiepnhan.tinh',
        body: { outcome: 'accept', expectedVersion: asked.body.version },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(resubmitted.body.version);
      const accepted = await api.post(`/v1/dossiers/${code}/reception-decision`, {
        as: 'tiepnhan.tinh',
        body: { outcome: 'accept', expectedVersion: resubmitted.body.version },
      });
      expect(accepted.body.status).toBe('received');
      const tracked = await api.get(`/v1/public/demo/dossiers/${code}`);
      expect(tracked.body.timeline.map((t: { event: string }) => t.event)).toEqual([
        'submitted',
        'supplementRequested',
        'resubmitted',
        'received',
      ]);
    });

    it("refuses a citizen counter submission and a citizen's own reception decision", async () => {
      const citizen = await newCitizenToken(`cccd-${randomUUID()}`, 'Phạm Văn C');
      const counter = await api.post('/v1/dossiers', {
        token: citizen,
        body: landTransfer({ decision: undefined }),
      });
      expect(counter.status).toBe(403);
      const decided = await api.post('/v1/dossiers', {
        token: citizen,
        body: landTransfer({ channel: 'online' }),
      });
      expect(decided.status).toBe(403);
      expect(decided.body.errors[0].field).toBe('body.decision');
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first answer to a retry and never makes a second dossier', async () => {
      const key = `retry-${randomUUID()}`;
      // No email: optional fields absent from the answer must not break storing it.
      const { email: _email, ...withoutEmail } = applicant;
      const body = landTransfer({ applicant: withoutEmail });
      const first = await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body, idempotencyKey: key });
      const retry = await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body, idempotencyKey: key });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body.code).toBe(first.body.code);
      // The next real submission takes the very next number: the retry consumed none.
      const next = await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body: landTransfer() });
      expect(sequenceOf(next.body.code)).toBe(sequenceOf(first.body.code) + 1);
    });

    it("keeps its records in the tenant's own partition", async () => {
      const key = `tenant-${randomUUID()}`;
      await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body: landTransfer(), idempotencyKey: key });
      const cloud = sharedCloud();
      const client = new DynamoDBClient({
        endpoint: cloud.endpoints.dynamodb,
        region: 'ap-southeast-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const { Count } = await client.send(
        new QueryCommand({
          TableName: cloud.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'TENANT#demo#IDEMPOTENCY' } },
          Select: 'COUNT',
        }),
      );
      client.destroy();
      expect(Count).toBeGreaterThan(0);
    });

    it('refuses the same key with another body', async () => {
      const key = `reuse-${randomUUID()}`;
      await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body: landTransfer(), idempotencyKey: key });
      const other = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        body: landTransfer({ request: 'Khác hẳn' }),
        idempotencyKey: key,
      });
      expect(other.status).toBe(422);
      expect(other.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('daily sequence', () => {
    it('gives 50 concurrent submissions at one counter 50 distinct, consecutive codes', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body: landTransfer() }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const numbers = results.map((r) => sequenceOf(r.body.code)).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(50);
      expect(numbers[49] - numbers[0]).toBe(49);
    });
  });

  describe('GET /v1/public/{tenant}/dossiers/{code}', () => {
    it('tracks without login and shows no ID number, phone, email or address, and a masked name', async () => {
      const created = await api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body: landTransfer() });
      const res = await api.get(`/v1/public/demo/dossiers/${created.body.code}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: created.body.code,
        status: 'received',
        applicantName: 'N***** V** A*',
        procedure: { code: '1.004227' },
        deadline: { state: 'withinDeadline', label: 'Trong hạn' },
      });
      expect(res.body.timeline.map((t: { event: string }) => t.event)).toEqual(['submitted', 'received']);
      const text = JSON.stringify(res.body);
      for (const secret of [
        applicant.idNumber,
        applicant.phone,
        applicant.email,
        applicant.address,
        applicant.name,
      ]) {
        expect(text).not.toContain(secret);
      }
    });

    it('answers an unknown code with 404 and a malformed one with 400', async () => {
      expect((await api.get('/v1/public/demo/dossiers/000.30.01.H99-990101-9999')).status).toBe(404);
      const bad = await api.get('/v1/public/demo/dossiers/not-a-code');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('params.code');
    });
  });

  describe('bad input', () => {
    const post = (body: unknown) => api.post('/v1/dossiers', { as: 'tiepnhan.binhthanh', body });

    it('names a missing field and the rule', async () => {
      const res = await post(landTransfer({ applicant: { ...applicant, name: undefined } }));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({ field: 'body.applicant.name', rule: 'required' }),
      );
    });

    it('names a field of the wrong type', async () => {
      const res = await post(landTransfer({ applicant: { ...applicant, phone: 912345678 } }));
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(
        expect.objectContaining({ field: 'body.applicant.phone', rule: 'invalid_type' }),
      );
    });

    it('refuses an unknown procedure with 422', async () => {
      const res = await post(landTransfer({ procedureCode: '9.999999' }));
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'body.procedureCode', rule: 'unknown-procedure' });
    });

    it('answers malformed JSON with 400, and a non-JSON body with 415', async () => {
      const malformed = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        rawBody: '{"procedureCode": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0]).toMatchObject({ field: 'body', rule: 'json' });
      const text = await api.post('/v1/dossiers', {
        as: 'tiepnhan.binhthanh',
        rawBody: 'hello',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
    });

    it('answers an unknown route with a 404 problem', async () => {
      const res = await api.get('/v1/khong-co');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, type: expect.stringContaining('not-found') });
    });

    it('answers a missing token with 401 and a wrong role with 403', async () => {
      expect((await api.post('/v1/dossiers', { body: landTransfer() })).status).toBe(401);
      const specialist = await api.post('/v1/dossiers', { as: 'chuyenvien.datdai', body: landTransfer() });
      expect(specialist.status).toBe(403);
    });
  });
});

describe('the audit log (issue 11 §6)', () => {
  it('holds a personal-data read for every dossier this file read as staff, by each reader', async () => {
    const reads = staffReadsOn(baseUrl());
    expect(reads.size).toBeGreaterThan(0);
    await expectReadsAudited(reads);
  });
});

/** The public catalog and the tenant admin's writes, through HTTP against the offline cloud. */
import { api } from './helpers/api';

describe('catalog (integration)', () => {
  describe('GET /v1/public/{tenant}/procedures', () => {
    it('finds "Đăng ký khai sinh" from "khai sinh" typed without accents', async () => {
      const res = await api.get('/v1/public/demo/procedures?q=khai%20sinh');
      expect(res.status).toBe(200);
      expect(res.body.items.map((p: { code: string }) => p.code)).toEqual(['1.001193']);
      expect(res.body.items[0].name).toBe('Đăng ký khai sinh');
      // Its time limit is "the same working day; received after 15:00, the next working day".
      expect(res.body.items[0].time).toEqual({ sameDay: { cutoff: '15:00' } });
    });
    it('filters by field', async () => {
      const res = await api.get(`/v1/public/demo/procedures?field=${encodeURIComponent('Đất đai')}`);
      expect(res.body.items.map((p: { code: string }) => p.code)).toEqual(['1.004227']);
    });
    it('answers an unknown tenant with 404', async () => {
      expect((await api.get('/v1/public/khongco/procedures')).status).toBe(404);
    });
  });

  describe('GET /v1/public/{tenant}/procedures/{code}', () => {
    it('returns steps, fee in VND and the processing time', async () => {
      const res = await api.get('/v1/public/demo/procedures/1.004227');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: '1.004227',
        fee: 50000,
        time: { workingDays: 10 },
        interAgency: true,
      });
      expect(res.body.steps).toHaveLength(5);
      expect((await api.get('/v1/public/demo/procedures/1.999999')).status).toBe(404);
    });
  });

  describe('GET /v1/public/{tenant}/agencies', () => {
    it('lists the agency tree with reception points and commune levels', async () => {
      const res = await api.get('/v1/public/demo/agencies');
      const byCode = Object.fromEntries(res.body.items.map((a: { code: string }) => [a.code, a]));
      expect(byCode['000.08.21.H99']).toMatchObject({ parent: '000.08.20.H99', receptionPoint: false });
      expect(byCode['000.30.01.H99']).toMatchObject({ receptionPoint: true, level: 'commune' });
      expect(byCode['000.00.00.H99'].parent).toBeNull();
    });
  });

  describe('admin writes', () => {
    const newProcedure = {
      name: 'Cấp giấy phép thử nghiệm',
      field: 'Thử nghiệm',
      level: 'province',
      competent: '000.07.20.H99',
      time: { workingDays: 3 },
      fee: 100000,
      online: 'full',
      documents: ['Đơn đề nghị'],
      steps: [
        { name: 'Tiếp nhận', agency: '000.00.01.H99', role: 'reception', days: 0.5 },
        { name: 'Thẩm định', agency: '000.07.20.H99', role: 'specialist', days: 2 },
        { name: 'Trả kết quả', agency: '000.00.01.H99', role: 'reception', days: 0.5 },
      ],
    };

    it('lets the tenant admin add a procedure that the public catalog then finds', async () => {
      const put = await api.put('/v1/admin/procedures/2.999001.H99', { as: 'quantri', body: newProcedure });
      expect(put.status).toBe(200);
      const found = await api.get('/v1/public/demo/procedures?q=thu%20nghiem');
      expect(found.body.items.map((p: { code: string }) => p.code)).toContain('2.999001.H99');
    });
    it('refuses a procedure naming an agency the tenant lacks, and a non-admin', async () => {
      const bad = await api.put('/v1/admin/procedures/2.999002', {
        as: 'quantri',
        body: { ...newProcedure, competent: '000.99.99.H99' },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].field).toBe('body.competent');
      expect(
        (await api.put('/v1/admin/procedures/2.999003', { as: 'chuyenvien.datdai', body: newProcedure }))
          .status,
      ).toBe(403);
    });
    it('keeps the agency tree free of cycles', async () => {
      const cycle = await api.put('/v1/admin/agencies/000.08.20.H99', {
        as: 'quantri',
        body: { name: 'Sở Nông nghiệp và Môi trường', parent: '000.08.21.H99' },
      });
      expect(cycle.status).toBe(422);
      expect(cycle.body.errors[0].rule).toBe('cycle');
    });
  });

  describe('tenant settings', () => {
    it('keeps office hours and calendar overrides as data the tenant admin edits', async () => {
      const current = await api.get('/v1/admin/settings', { as: 'quantri' });
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({
        id: 'demo',
        officeHours: [
          ['07:30', '11:30'],
          ['13:00', '17:00'],
        ],
        cutoff: '15:00',
      });
      const { id: _id, ...settings } = current.body;
      const closure = { date: '2030-10-15', kind: 'off', reason: 'Nghỉ do bão (thử nghiệm)' };
      const saved = await api.put('/v1/admin/settings', {
        as: 'quantri',
        body: { ...settings, calendarOverrides: [closure] },
      });
      expect(saved.status).toBe(200);
      expect((await api.get('/v1/admin/settings', { as: 'quantri' })).body.calendarOverrides).toEqual([
        closure,
      ]);
    });
    it('refuses a working week that cannot be built, and a non-admin', async () => {
      const { id: _id, ...settings } = (await api.get('/v1/admin/settings', { as: 'quantri' })).body;
      const saturdayHoursWithoutSaturday = await api.put('/v1/admin/settings', {
        as: 'quantri',
        body: { ...settings, saturdayHours: [['07:30', '11:30']] },
      });
      expect(saturdayHoursWithoutSaturday.status).toBe(422);
      expect(saturdayHoursWithoutSaturday.body.errors[0].rule).toBe('invalid-calendar');
      expect((await api.get('/v1/admin/settings', { as: 'tiepnhan.tinh' })).status).toBe(403);
    });
  });

  describe('GET /v1/openapi.json', () => {
    it('serves an OpenAPI 3.1 document generated from the route table', async () => {
      const res = await api.get('/v1/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      // The body's schema is a named component: `{"$ref": "#/components/schemas/SubmitDossier"}`.
      const ref: string =
        res.body.paths['/v1/dossiers'].post.requestBody.content['application/json'].schema.$ref;
      expect(
        res.body.components.schemas[ref.replace('#/components/schemas/', '')].properties.applicant,
      ).toBeDefined();
      expect(res.body.paths['/v1/dossiers'].post.parameters).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
      );
    });
  });
});

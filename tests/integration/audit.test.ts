/**
 * Issue 11 §6 through HTTP on the shared cloud: staff read a dossier (view, form, actions) → the
 * reads are in the audit log for an auditor and the tenant admin, not for a specialist (403) nor
 * for another province's auditor (nothing of this one); a citizen reading their own dossier is
 * not recorded; a role change, a report export and the audit export itself are recorded; no route
 * changes or deletes audit records; and every dossier this file read as staff has its record.
 */
import { api, newCitizenToken, tokenFor } from './helpers/api';
import { acceptedLandTransfer } from './helpers/dossiers';
import { auditRecordsOf, expectReadsAudited } from './helpers/audit';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';

let auditor: string;
let otherAuditor: string;
let code: string;
/** Dossier code → the staff who read it in this file. */
const reads = new Map<string, string[]>();
const read = (code: string, who: string) => reads.set(code, [...(reads.get(code) ?? []), who]);

/** The shared cloud's "today" (Vietnamese date) from a dossier code made just now. */
const today = () => {
  const yymmdd = /-(\d{6})-\d+$/.exec(code)![1]!;
  return `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
};
const period = () => `from=${today()}&to=${today()}`;

beforeAll(async () => {
  const admin = tokenFor('quantri');
  auditor = await signWithIssuerKey(
    claimsLike(admin, { 'custom:roles': 'auditor', 'cognito:username': 'kiemtoan', sub: 'kiemtoan-sub' }),
  );
  otherAuditor = await signWithIssuerKey(
    claimsLike(admin, {
      'custom:roles': 'auditor',
      'custom:tenant': 'tinh-khac',
      'cognito:username': 'kt.khac',
    }),
  );
  code = (await acceptedLandTransfer()).code;
});

describe('personal-data reads', () => {
  it('a staff read of a dossier is recorded with who, when, the route and the reason given', async () => {
    const res = await api.get(`/v1/dossiers/${code}`, {
      as: 'tiepnhan.binhthanh',
      // Headers are Latin-1: Vietnamese goes percent-encoded.
      headers: { 'x-audit-reason': encodeURIComponent('Kiểm tra hồ sơ theo yêu cầu của công dân') },
    });
    expect(res.status).toBe(200);
    read(code, 'tiepnhan.binhthanh');
    const form = await api.get(`/v1/dossiers/${code}/forms/01.pdf`, { as: 'tiepnhan.binhthanh' });
    expect(form.status).toBe(200);

    const log = await api.get(`/v1/audit?${period()}&dossier=${code}`, { token: auditor });
    expect(log.status).toBe(200);
    const records = log.body.items as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const view = records.find((r) => r.route === 'getDossier');
    expect(view).toMatchObject({
      action: 'personalData.read',
      dossier: code,
      actor: { username: 'tiepnhan.binhthanh', tenant: 'demo', agency: '000.30.01.H99' },
      reason: 'Kiểm tra hồ sơ theo yêu cầu của công dân',
    });
    expect(view!.at).toMatch(/\+07:00$/);
    expect(view!.atUtc).toMatch(/Z$/);
    expect(view!.requestId).toEqual(expect.any(String));
    expect(records.some((r) => r.route === 'getDossierForm')).toBe(true);
    // Newest first: the form was read after the view.
    expect(records.findIndex((r) => r.route === 'getDossierForm')).toBeLessThan(records.indexOf(view!));
  });

  it('an action answered with the full view is a read too', async () => {
    const current = await api.get(`/v1/dossiers/${code}`, { as: 'tiepnhan.binhthanh' });
    const res = await api.post(`/v1/dossiers/${code}/actions`, {
      as: 'tiepnhan.binhthanh',
      body: { action: 'forward', expectedVersion: current.body.version },
    });
    expect(res.status).toBe(200);
    const viewed = await api.get(`/v1/dossiers/${code}`, { as: 'chuyenvien.datdai' });
    expect(viewed.status).toBe(200);
    read(code, 'chuyenvien.datdai');
    const records = await auditRecordsOf(code, { token: auditor });
    expect(records.filter((r) => r.route === 'actOnDossier').map((r) => r.actor.username)).toContain(
      'tiepnhan.binhthanh',
    );
  });

  it('the tenant admin reads the log too; a specialist may not (403)', async () => {
    expect((await auditRecordsOf(code)).length).toBeGreaterThan(0);
    const refused = await api.get(`/v1/audit?${period()}`, { as: 'chuyenvien.datdai' });
    expect(refused.status).toBe(403);
    expect((await api.get(`/v1/audit/export?${period()}`, { as: 'chuyenvien.datdai' })).status).toBe(403);
  });

  it("another province's auditor sees nothing of this one", async () => {
    const theirs = await api.get(`/v1/audit?${period()}&limit=200`, { token: otherAuditor });
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain(code);
    expect(theirs.body.items.every((r: { actor: { tenant: string } }) => r.actor.tenant !== 'demo')).toBe(
      true,
    );
    const byDossier = await api.get(`/v1/audit?${period()}&dossier=${code}`, { token: otherAuditor });
    expect(byDossier.body.items).toEqual([]);
  });

  it('a citizen reading their own dossier is not recorded', async () => {
    const citizen = await newCitizenToken('001099777001', 'Lê Thị Kiểm');
    const submitted = await api.post('/v1/dossiers', {
      token: citizen,
      body: {
        procedureCode: '2.000488',
        channel: 'online',
        request: 'Cấp Phiếu lý lịch tư pháp số 1',
        applicant: { name: 'Lê Thị Kiểm', idNumber: '001099777001', phone: '0987777001', address: 'Hà Nội' },
      },
    });
    expect(submitted.status).toBe(201);
    const own = submitted.body.code as string;
    expect((await api.get(`/v1/dossiers/${own}`, { token: citizen })).status).toBe(200);
    expect(await auditRecordsOf(own)).toEqual([]);
  });
});

describe('account changes and exports', () => {
  it('a role change is recorded with the roles granted', async () => {
    const username = `kt.${Date.now().toString(36)}`;
    const created = await api.post('/v1/admin/staff', {
      as: 'quantri',
      body: {
        username,
        name: 'Cán bộ Kiểm thử',
        email: `${username}@demo.gov.vn`,
        agency: '000.30.01.H99',
        roles: ['reception'],
      },
    });
    expect(created.status).toBe(201);
    const changed = await api.patch(`/v1/admin/staff/${username}`, {
      as: 'quantri',
      body: { roles: ['reception', 'auditor'] },
    });
    expect(changed.status).toBe(200);
    const log = await api.get(`/v1/audit?${period()}&actor=quantri&limit=200`, { token: auditor });
    const about = log.body.items.filter((r: { target?: string }) => r.target === username);
    expect(about.map((r: { action: string }) => r.action)).toEqual(['role.change', 'staff.create']);
    expect(about[0].detail).toContain('roles=reception,auditor');
  });

  it('a report export is recorded', async () => {
    const res = await api.get(
      `/v1/reports/export?period=month&from=${today().slice(0, 7)}&to=${today().slice(0, 7)}`,
      {
        as: 'quantri',
      },
    );
    expect(res.status).toBe(200);
    const log = await api.get(`/v1/audit?${period()}&action=export.report&actor=quantri`, { token: auditor });
    expect(log.body.items.length).toBeGreaterThan(0);
    expect(log.body.items[0]).toMatchObject({
      route: 'exportReport',
      target: expect.stringMatching(/\.xlsx$/),
    });
  });

  it('the audit export is CSV for Excel, and is itself recorded', async () => {
    const res = await api.get(`/v1/audit/export?${period()}&dossier=${code}`, { token: auditor });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Thời điểm,Người thực hiện,/);
    expect(
      lines.some((l) => l.includes(code) && /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2},tiepnhan\.binhthanh,/.test(l)),
    ).toBe(true);
    const log = await api.get(`/v1/audit?${period()}&action=export.audit&actor=kiemtoan`, { token: auditor });
    expect(log.body.items[0]).toMatchObject({ route: 'exportAuditLog', actor: { roles: ['auditor'] } });
  });

  it('a period longer than 92 days or reversed is refused (400)', async () => {
    expect((await api.get('/v1/audit?from=2026-01-01&to=2026-04-03', { token: auditor })).status).toBe(400);
    expect((await api.get('/v1/audit?from=2026-03-02&to=2026-03-01', { token: auditor })).status).toBe(400);
  });
});

describe('append-only', () => {
  it.each([
    ['PUT', '/v1/audit'],
    ['DELETE', '/v1/audit'],
    ['PATCH', '/v1/audit'],
    ['POST', '/v1/audit'],
    ['DELETE', '/v1/audit/export'],
    ['DELETE', '/v1/audit/01KBE3Q0000000000000000000'],
    ['PUT', '/v1/audit/01KBE3Q0000000000000000000'],
  ])('%s %s changes nothing: no such route', async (method, path) => {
    const before = await auditRecordsOf(code, { token: auditor });
    const res = await (
      { PUT: api.put, DELETE: api.delete, PATCH: api.patch, POST: api.post } as Record<string, typeof api.get>
    )[method]!(path, { as: 'quantri', body: {} });
    expect([404, 405]).toContain(res.status);
    expect((await auditRecordsOf(code, { token: auditor })).length).toBe(before.length);
  });
});

describe('every personal-data read of this file is in the log', () => {
  it('each dossier read as staff has a personalData.read record by each reader', async () => {
    expect(reads.size).toBeGreaterThan(0);
    await expectReadsAudited(reads, { token: auditor });
  });
});

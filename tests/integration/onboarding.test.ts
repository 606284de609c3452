/**
 * Onboarding a province from nothing, on the shared offline cloud, the way docs/deploy.md tells an
 * operator to: the tenant CLI (a child process, as an operator runs it) creates province H98 and its
 * first admin; the admin signs in with the token CLI (answering the first-sign-in password
 * challenge), builds an agency tree and a procedure with the existing admin routes, creates staff,
 * who sign in with the same CLI and take a dossier from the counter to the applicant. Then the
 * walls: H98's admin reaches nothing of the demo province and grants nothing beyond the tenant's
 * roles; suspension closes H98 (403 problem+json, the demo untouched) and resuming reopens it with
 * its data.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { api, baseUrl, tokenFor, type ApiResponse } from './helpers/api';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs one of the repository's CLIs as `npm run <tool>` would, bounded in time. */
async function cli(tool: 'tenant' | 'token', args: string[], env: Record<string, string> = {}) {
  const { stdout } = await run(TSX, [`tools/${tool}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return stdout;
}

const signIn = async (user: string, password: string, newPassword?: string) =>
  (
    await cli('token', [
      '--user',
      user,
      '--password',
      password,
      ...(newPassword ? ['--new-password', newPassword] : []),
      '--endpoint',
      baseUrl(),
    ])
  ).trim();

/** Polls until `probe` answers `status` (suspension takes effect within the gate's cache, 1 s offline). */
async function eventually(probe: () => Promise<ApiResponse>, status: number, within = 15_000) {
  const deadline = Date.now() + within;
  for (;;) {
    const res = await probe();
    if (res.status === status) return res;
    if (Date.now() > deadline)
      throw new Error(`expected ${status}, still ${res.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const AGENCIES = [
  { code: '000.00.00.H98', name: 'UBND Tỉnh Thử Nghiệm', parent: null },
  {
    code: '000.00.01.H98',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    parent: '000.00.00.H98',
    receptionPoint: true,
  },
  { code: '000.05.20.H98', name: 'Sở Tư pháp', parent: '000.00.00.H98' },
];
const PROCEDURE = {
  code: '2.000488',
  name: 'Cấp Phiếu lý lịch tư pháp',
  field: 'Lý lịch tư pháp',
  level: 'province',
  competent: '000.05.20.H98',
  time: { workingDays: 10 },
  fee: 200000,
  online: 'full',
  documents: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp'],
  steps: [
    { name: 'Tiếp nhận', agency: '000.00.01.H98', role: 'reception', days: 0.5 },
    { name: 'Tra cứu, xác minh', agency: '000.05.20.H98', role: 'specialist', days: 7 },
    { name: 'Phê duyệt, ký', agency: '000.05.20.H98', role: 'leader', days: 2 },
    { name: 'Trả kết quả', agency: '000.00.01.H98', role: 'reception', days: 0.5 },
  ],
};
const STAFF = [
  { username: 'h98.tiepnhan', name: 'Lê Thị Tiếp', agency: '000.00.01.H98', roles: ['reception'] },
  { username: 'h98.chuyenvien', name: 'Trần Văn Chuyên', agency: '000.05.20.H98', roles: ['specialist'] },
  { username: 'h98.lanhdao', name: 'Phạm Minh Lãnh', agency: '000.05.20.H98', roles: ['leader'] },
];
const NEW_PASSWORD = 'H98@MatKhauMoi2026';

const state: { admin?: string; staff: Record<string, string>; dossier?: string } = { staff: {} };
const asAdmin = () => ({ token: state.admin as string });

describe('onboarding a province (integration)', () => {
  it('creates H98 with the CLI, signs its admin in, builds its catalog and staff, and processes a first dossier', async () => {
    const operator = { TOKEN_OPERATOR: tokenFor('operator'), MOTCUA_API: baseUrl() };
    const args = [
      'create',
      '--code',
      'H98',
      '--name',
      'Tỉnh Thử Nghiệm',
      '--admin-email',
      'quantri@h98.example.vn',
    ];
    const created = JSON.parse(await cli('tenant', [...args, '--json'], operator));
    expect(created.tenant).toMatchObject({
      id: 'h98',
      provinceCode: 'H98',
      status: 'active',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(created.admin).toMatchObject({ username: 'h98.quantri', roles: ['tenantAdmin'] });
    const invitation = { temporaryPassword: created.admin.temporaryPassword as string };
    // The offline mailbox has the invitation Cognito would have e-mailed.
    expect((await latestInvitation('h98.quantri')).temporaryPassword).toBe(invitation.temporaryPassword);
    // Creating the same province again is a conflict, and the CLI says so.
    await expect(cli('tenant', args, operator)).rejects.toThrow(/409/);
    const fetched = JSON.parse(await cli('tenant', ['get', 'h98', '--json'], operator));
    expect(fetched).toEqual(created.tenant);

    // Without the new password the first sign-in is refused with a clear message.
    await expect(signIn('h98.quantri', invitation.temporaryPassword)).rejects.toThrow(/new-password/);
    state.admin = await signIn('h98.quantri', invitation.temporaryPassword, NEW_PASSWORD);
    const settings = await api.get('/v1/admin/settings', asAdmin());
    expect(settings.body).toMatchObject({ id: 'h98', provinceCode: 'H98' });

    for (const agency of AGENCIES) {
      const { code, ...body } = agency;
      expect((await api.put(`/v1/admin/agencies/${code}`, { ...asAdmin(), body })).status).toBe(200);
    }
    const { code: procedureCode, ...procedure } = PROCEDURE;
    expect(
      (await api.put(`/v1/admin/procedures/${procedureCode}`, { ...asAdmin(), body: procedure })).status,
    ).toBe(200);

    for (const member of STAFF) {
      const res = await api.post('/v1/admin/staff', {
        ...asAdmin(),
        body: { ...member, email: `${member.username}@h98.example.vn` },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ username: member.username, enabled: true, invitation: 'email' });
      state.staff[member.username] = await signIn(member.username, res.body.temporaryPassword, NEW_PASSWORD);
    }
    const listed = await api.get('/v1/admin/staff', asAdmin());
    expect(listed.body.items.map((s: { username: string }) => s.username).sort()).toEqual([
      'h98.chuyenvien',
      'h98.lanhdao',
      'h98.quantri',
      'h98.tiepnhan',
    ]);

    const as = (user: string) => ({ token: state.staff[user] as string });
    const received = await api.post('/v1/dossiers', {
      ...as('h98.tiepnhan'),
      body: {
        procedureCode: '2.000488',
        channel: 'counter',
        applicant: {
          name: 'Ngô Thị Hoa',
          idNumber: '001190000998',
          phone: '0912000998',
          address: 'Tỉnh Thử Nghiệm',
        },
        request: 'Cấp Phiếu lý lịch tư pháp số 1',
        decision: { outcome: 'accept' },
      },
    });
    expect(received.status).toBe(201);
    const code = received.body.code as string;
    expect(code).toMatch(/^000\.00\.01\.H98-/);
    state.dossier = code;
    const act = async (user: string, action: Record<string, unknown>) => {
      const current = await api.get(`/v1/dossiers/${code}`, as(user));
      const res = await api.post(`/v1/dossiers/${code}/actions`, {
        ...as(user),
        body: { ...action, expectedVersion: current.body.version },
      });
      if (res.status !== 200)
        throw new Error(`${String(action.action)} by ${user}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await act('h98.tiepnhan', { action: 'forward' });
    await act('h98.chuyenvien', { action: 'forward' });
    await act('h98.lanhdao', { action: 'approve' });
    await act('h98.lanhdao', { action: 'sign' });
    await act('h98.lanhdao', { action: 'forward' });
    await act('h98.tiepnhan', { action: 'markResultReady', kind: 'both', documentNumber: 'LLTP-H98-001' });
    const returned = await act('h98.tiepnhan', { action: 'returnResult', method: 'counter' });
    expect(returned.status).toBe('returned');
    const tracked = await api.get(`/v1/public/h98/dossiers/${code}`);
    expect(tracked.status).toBe(200);
  }, 240_000);

  it('keeps H98’s admin out of the demo province and within the tenant’s roles', async () => {
    expect(state.admin).toBeDefined();
    // Another province's users, agencies and procedures: not found, or refused.
    expect((await api.get('/v1/admin/staff/quantri', asAdmin())).status).toBe(404);
    expect(
      (await api.patch('/v1/admin/staff/tiepnhan.tinh', { ...asAdmin(), body: { enabled: false } })).status,
    ).toBe(404);
    const listed = await api.get('/v1/admin/staff', asAdmin());
    expect(listed.body.items.every((s: { username: string }) => s.username.startsWith('h98.'))).toBe(true);
    const foreignAgency = await api.post('/v1/admin/staff', {
      ...asAdmin(),
      body: {
        username: 'h98.lan',
        name: 'Lan',
        email: 'lan@h98.example.vn',
        agency: '000.00.01.H99',
        roles: ['reception'],
      },
    });
    expect(foreignAgency.status).toBe(422);
    const foreignProcedure = await api.put('/v1/admin/procedures/1.001193', {
      ...asAdmin(),
      body: { ...PROCEDURE, code: undefined, steps: [{ ...PROCEDURE.steps[0], agency: '000.00.01.H99' }] },
    });
    expect(foreignProcedure.status).toBe(422);
    expect((await api.get('/v1/public/demo/procedures/1.001193')).body.name).toBe('Đăng ký khai sinh');
    // And the demo's admin sees nothing of H98's staff.
    expect((await api.get('/v1/admin/staff/h98.tiepnhan', { as: 'quantri' })).status).toBe(404);
    // Taking over a demo username is a conflict, not a change of the demo's account.
    const taken = await api.post('/v1/admin/staff', {
      ...asAdmin(),
      body: {
        username: 'quantri',
        name: 'X',
        email: 'x@h98.example.vn',
        agency: '000.00.01.H98',
        roles: ['reception'],
      },
    });
    expect(taken.status).toBe(409);

    // Roles beyond the tenant's: 403, on create and on change.
    for (const role of ['operator', 'agencySystem', 'citizen']) {
      const res = await api.post('/v1/admin/staff', {
        ...asAdmin(),
        body: {
          username: `h98.${role.toLowerCase()}`,
          name: 'X',
          email: 'x@h98.example.vn',
          agency: '000.00.01.H98',
          roles: [role],
        },
      });
      expect(res.status).toBe(403);
      expect(res.body.errors[0]).toMatchObject({ field: 'body.roles', rule: 'role-not-grantable' });
    }
    const regrant = await api.patch('/v1/admin/staff/h98.tiepnhan', {
      ...asAdmin(),
      body: { roles: ['operator'] },
    });
    expect(regrant.status).toBe(403);
    // clerk and auditor are the tenant's to grant.
    const clerk = await api.patch('/v1/admin/staff/h98.tiepnhan', {
      ...asAdmin(),
      body: { roles: ['reception', 'clerk', 'auditor'] },
    });
    expect(clerk.body.roles).toEqual(['reception', 'clerk', 'auditor']);

    // Operator routes are the operator's.
    expect((await api.get('/v1/operator/tenants', asAdmin())).status).toBe(403);
    expect((await api.post('/v1/operator/tenants/demo/suspend', { as: 'quantri' })).status).toBe(403);
  }, 60_000);

  it('suspends H98 (403 problem+json everywhere, the demo untouched) and resumes it with its data', async () => {
    expect(state.dossier).toBeDefined();
    const operator = { TOKEN_OPERATOR: tokenFor('operator') };
    await cli('tenant', ['suspend', 'h98', '--endpoint', baseUrl()], operator);
    const refused = await eventually(() => api.get('/v1/admin/staff', asAdmin()), 403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 403, type: expect.stringMatching(/tenant-suspended$/) });
    expect(refused.body.title).toMatch(/tạm ngừng.*suspended/i);
    expect(
      (await api.get(`/v1/dossiers/${state.dossier}`, { token: state.staff['h98.tiepnhan'] })).status,
    ).toBe(403);
    expect((await api.get('/v1/public/h98/procedures')).status).toBe(403);
    expect((await api.get(`/v1/public/h98/dossiers/${state.dossier}`)).status).toBe(403);
    // The HTML pages are closed too, with a page that says why.
    for (const page of [`/v1/public/h98/dossiers/${state.dossier}`, '/v1/public/h98/procedures']) {
      const html = await fetch(`${baseUrl()}${page}`, { headers: { accept: 'text/html' } });
      expect(html.status).toBe(403);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await html.text()).toContain('Dịch vụ của tỉnh đang tạm ngừng');
    }
    // The demo province is served as before.
    expect((await api.get('/v1/public/demo/procedures')).status).toBe(200);
    expect((await api.get('/v1/admin/staff', { as: 'quantri' })).status).toBe(200);
    const listed = JSON.parse(await cli('tenant', ['list', '--json', '--endpoint', baseUrl()], operator));
    expect(listed.items.find((t: { id: string }) => t.id === 'h98')).toMatchObject({ status: 'suspended' });

    await cli('tenant', ['resume', 'h98', '--endpoint', baseUrl()], operator);
    await eventually(() => api.get('/v1/admin/staff', asAdmin()), 200);
    const kept = await api.get(`/v1/dossiers/${state.dossier}`, { token: state.staff['h98.tiepnhan'] });
    expect(kept.status).toBe(200);
    expect(kept.body.status).toBe('returned');
  }, 120_000);
});

/** The newest invitation the local user store "sent" to `username` (cognito/invitations.log). */
async function latestInvitation(username: string): Promise<{ temporaryPassword: string }> {
  const { readFile } = await import('node:fs/promises');
  const dataDir = JSON.parse(process.env.MOTCUA_CLOUD ?? '{}').dataDir as string;
  const lines = (await readFile(path.join(dataDir, 'cognito', 'invitations.log'), 'utf8')).trim().split('\n');
  const found = lines
    .map((l) => JSON.parse(l) as { username: string; temporaryPassword: string })
    .filter((i) => i.username === username)
    .at(-1);
  if (!found) throw new Error(`no invitation for ${username}`);
  return found;
}

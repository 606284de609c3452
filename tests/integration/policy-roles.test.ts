/**
 * The two roles the policy gave work to (issue 11 §1), on a real dossier through HTTP: the clerk
 * (văn thư) reads the dossiers at its agency's result step and marks the result ready and returns
 * it there, and nothing before; the auditor reads every dossier of its tenant and acts on none.
 */
import { randomUUID } from 'node:crypto';
import { api, newCitizenToken, tokenFor } from './helpers/api';
import { claimsLike, signWithIssuerKey } from './helpers/tokens';

const CENTRE = '000.00.01.H99';
const staffToken = (roles: string[], agency: string, username: string) =>
  signWithIssuerKey(
    claimsLike(tokenFor('quantri'), {
      'custom:roles': roles.join(','),
      'custom:agency': agency,
      'cognito:username': username,
      sub: `sub-${username}`,
    }),
  );

describe('the clerk and the auditor (integration)', () => {
  let code: string;
  let clerk: string;
  let otherClerk: string;
  let auditor: string;

  const act = async (as: { as?: string; token?: string }, action: Record<string, unknown>) => {
    const current = await api.get(`/v1/dossiers/${code}`, { as: 'quantri' });
    return api.post(`/v1/dossiers/${code}/actions`, {
      ...as,
      body: { ...action, expectedVersion: current.body.version },
    });
  };
  const actOk = async (as: { as?: string; token?: string }, action: Record<string, unknown>) => {
    const res = await act(as, action);
    if (res.status !== 200)
      throw new Error(`${String(action.action)}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  beforeAll(async () => {
    clerk = await staffToken(['clerk'], CENTRE, 'vanthu.tinh');
    otherClerk = await staffToken(['clerk'], '000.05.20.H99', 'vanthu.tuphap');
    auditor = await staffToken(['auditor'], '000.00.00.H99', 'kiemtra.tinh');
    const id = `0010992${String(Date.now()).slice(-5)}`;
    const citizen = await newCitizenToken(`cccd-${randomUUID()}`, 'Vũ Thị Văn Thư');
    const submitted = await api.post('/v1/dossiers', {
      token: citizen,
      body: {
        procedureCode: '2.000488',
        channel: 'online',
        request: 'Cấp Phiếu lý lịch tư pháp số 2',
        applicant: { name: 'Vũ Thị Văn Thư', idNumber: id, phone: '0987000333', address: 'Hà Nội' },
      },
    });
    expect(submitted.status).toBe(201);
    code = submitted.body.code;
    const accepted = await api.post(`/v1/dossiers/${code}/reception-decision`, {
      as: 'tiepnhan.tinh',
      body: { outcome: 'accept', expectedVersion: submitted.body.version },
    });
    expect(accepted.status).toBe(200);
  });

  it('the auditor reads the dossier, its control sheet and files, and may not act (403)', async () => {
    expect((await api.get(`/v1/dossiers/${code}`, { token: auditor })).status).toBe(200);
    expect((await api.get(`/v1/dossiers/${code}/history`, { token: auditor })).status).toBe(200);
    expect((await api.get(`/v1/dossiers/${code}/attachments`, { token: auditor })).status).toBe(200);
    expect((await act({ token: auditor }, { action: 'forward' })).status).toBe(403);
    const attach = await api.post(`/v1/dossiers/${code}/attachments`, {
      token: auditor,
      body: { fileName: 'x.pdf', contentType: 'application/pdf', size: 10 },
    });
    expect(attach.status).toBe(403);
  });

  it('the clerk sees nothing before the result step (404), then stamps and returns the result', async () => {
    expect((await api.get(`/v1/dossiers/${code}`, { token: clerk })).status).toBe(404);
    expect((await act({ token: clerk }, { action: 'forward' })).status).toBe(404);
    await actOk({ as: 'tiepnhan.tinh' }, { action: 'forward' });
    await actOk({ as: 'chuyenvien.tuphap' }, { action: 'forward' });
    await actOk({ as: 'lanhdao.tuphap' }, { action: 'approve' });
    await actOk({ as: 'lanhdao.tuphap' }, { action: 'sign' });
    await actOk({ as: 'lanhdao.tuphap' }, { action: 'forward' });
    // At the result step, at the centre: the centre's clerk reads it; another agency's clerk does not.
    expect((await api.get(`/v1/dossiers/${code}`, { token: clerk })).status).toBe(200);
    expect((await api.get(`/v1/dossiers/${code}`, { token: otherClerk })).status).toBe(404);
    // Only the result actions are the clerk's: sending back is not (403, it knows the dossier).
    expect((await act({ token: clerk }, { action: 'sendBack', toStep: 1, reason: 'Thiếu dấu' })).status).toBe(
      403,
    );
    await actOk({ token: clerk }, { action: 'markResultReady', kind: 'paper', documentNumber: 'LLTP-02' });
    await actOk({ token: clerk }, { action: 'returnResult', method: 'counter' });
    const returned = await api.get(`/v1/dossiers/${code}`, { token: auditor });
    expect(returned.body.status).toBe('returned');
  });
});

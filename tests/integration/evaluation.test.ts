/**
 * Issue 12 §1 through the public API with the citizen's own token (reports.test.ts covers the
 * counter kiosk): a judicial-record request submitted online by a citizen, processed by the
 * province's staff and returned, is rated once by that citizen; rating before the return, a second
 * rating and another citizen's rating are refused, and the staff see the rating on the dossier.
 */
import { randomUUID } from 'node:crypto';
import { api, newCitizenToken } from './helpers/api';

/** An action at the dossier's current version, read with the same credentials. */
async function act(auth: { as: string } | { token: string }, code: string, action: Record<string, unknown>) {
  const current = await api.get(`/v1/dossiers/${code}`, auth);
  expect(current.status).toBe(200);
  return api.post(`/v1/dossiers/${code}/actions`, {
    ...auth,
    body: { ...action, expectedVersion: current.body.version },
  });
}

async function actOk(user: string, code: string, action: Record<string, unknown>) {
  const res = await act({ as: user }, code, action);
  if (res.status !== 200)
    throw new Error(`${String(action.action)} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('a citizen rates a returned dossier with their own token', () => {
  let citizen: string;
  let code: string;

  beforeAll(async () => {
    const id = `0010991${String(Date.now()).slice(-5)}`;
    citizen = await newCitizenToken(id, 'Trịnh Văn Nam');
    const submitted = await api.post('/v1/dossiers', {
      token: citizen,
      body: {
        procedureCode: '2.000488',
        channel: 'online',
        request: 'Cấp Phiếu lý lịch tư pháp số 1',
        applicant: { name: 'Trịnh Văn Nam', idNumber: id, phone: '0987000222', address: 'Hà Giang' },
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

  it('is refused before the result is returned', async () => {
    const early = await act({ token: citizen }, code, { action: 'evaluate', level: 'good' });
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('is taken once after the return, with comment and scores, and shown to the staff', async () => {
    await actOk('tiepnhan.tinh', code, { action: 'forward' });
    await actOk('chuyenvien.tuphap', code, { action: 'forward' });
    await actOk('lanhdao.tuphap', code, { action: 'approve' });
    await actOk('lanhdao.tuphap', code, { action: 'sign' });
    await actOk('lanhdao.tuphap', code, { action: 'forward' });
    await actOk('tiepnhan.tinh', code, { action: 'markResultReady', kind: 'paper' });
    const returned = await actOk('tiepnhan.tinh', code, { action: 'returnResult', method: 'counter' });
    expect(returned.status).toBe('returned');

    const stranger = await newCitizenToken(`cccd-${randomUUID()}`, 'Người Khác');
    // Not theirs: the dossier does not exist for them (404, as a GET would say), at its real version.
    const foreign = await api.post(`/v1/dossiers/${code}/actions`, {
      token: stranger,
      body: { action: 'evaluate', level: 'poor', expectedVersion: returned.version },
    });
    expect(foreign.status).toBe(404);

    const rated = await act({ token: citizen }, code, {
      action: 'evaluate',
      level: 'veryGood',
      comment: 'Cán bộ hướng dẫn tận tình',
      scores: { access: 5, result: 5 },
    });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('returned');
    expect(rated.body.evaluation).toMatchObject({
      level: 'veryGood',
      via: 'citizen',
      comment: 'Cán bộ hướng dẫn tận tình',
      scores: { access: 5, result: 5 },
    });

    const again = await act({ token: citizen }, code, { action: 'evaluate', level: 'poor' });
    expect(again.status).toBe(409);

    const seen = await api.get(`/v1/dossiers/${code}`, { as: 'lanhdao.tuphap' });
    expect(seen.body.evaluation).toMatchObject({ level: 'veryGood', via: 'citizen' });
  });
});

/**
 * Processing across agencies under deadlines, through HTTP, on a cloud of its own whose clock the
 * test moves (so a 10-working-day procedure across Tết 2027 runs in seconds, and the shared cloud's
 * other tests keep real time). The deadline clock runs on the offline Step Functions runner with
 * the same state machine definition CDK deploys.
 */
import { cloudSteps } from './helpers/cloud-steps';
import { api } from './helpers/api';
import { expectReadsAudited } from './helpers/audit';
import { staffReadsOn } from './helpers/read-ledger';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from './helpers/offline';
import { calendarForTenant } from '../../shared/usecases/tenant-calendar';
import { demoTenant } from '../fixtures/demo-province';

const calendar = calendarForTenant(demoTenant);
const vn = (local: string) => `${local}+07:00`;
const workingMs = (from: string, to: string) => calendar.elapsedWorkingTime(new Date(from), new Date(to));

let cloud: CloudHandle;
const { as, setClock, act, actOk } = cloudSteps(() => cloud);

async function receive(procedureCode: string, at: string, user = 'tiepnhan.binhthanh') {
  await setClock(at);
  const res = await api.post('/v1/dossiers', {
    ...as(user),
    body: {
      procedureCode,
      channel: 'counter',
      applicant: {
        name: 'Hoàng Văn Em',
        idNumber: '001077000333',
        phone: '0977000333',
        address: 'Xã Bình Thành',
      },
      request: 'Hồ sơ kiểm thử quy trình',
      decision: { outcome: 'accept' },
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** Polls the control sheet until the alarm shows (the clock fires it asynchronously). */
async function waitForAlarm(code: string, type: string, within = 20_000) {
  const deadline = Date.now() + within;
  for (;;) {
    const sheet = await api.get(`/v1/dossiers/${code}/history`, as('tiepnhan.binhthanh'));
    const found = sheet.body.alarms.filter((a: { type: string }) => a.type === type);
    if (found.length > 0) return { found, sheet: sheet.body };
    if (Date.now() > deadline)
      throw new Error(`no ${type} alarm for ${code}; alarms: ${JSON.stringify(sheet.body.alarms)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  cloud = await startCloudProcess({ env: { MOTCUA_CLOCK_NOW: vn('2027-02-01T08:00:00') } });
}, 90_000);

afterAll(async () => {
  if (cloud) await stopCloudProcess(cloud, { removeData: true });
});

describe('processing (integration)', () => {
  describe('the land transfer 1.004227 across Tết 2027', () => {
    it('runs commune → land office → tax → land office → commune with a pause, an overdue step, an apology and the control sheet', async () => {
      const received = await receive('1.004227', vn('2027-02-01T09:00:00'));
      const code = received.code as string;
      expect(received.status).toBe('received');

      await setClock(vn('2027-02-01T10:00:00'));
      const atLand = await actOk('tiepnhan.binhthanh', code, { action: 'forward' });
      expect(atLand.steps[1]).toMatchObject({ status: 'active', agency: '000.08.21.H99' });

      // The land office finds a document missing: the clock stops …
      await setClock(vn('2027-02-02T09:00:00'));
      const paused = await actOk('chuyenvien.datdai', code, {
        action: 'requestSupplement',
        reason: 'Hợp đồng thiếu trang 3',
        items: [{ document: 'Hợp đồng chuyển nhượng có công chứng', reason: 'Thiếu trang 3' }],
      });
      expect(paused.status).toBe('paused');
      const queueWhilePaused = await api.get('/v1/work-queue', as('chuyenvien.datdai'));
      expect(queueWhilePaused.body.items.find((i: { code: string }) => i.code === code)).toMatchObject({
        paused: true,
        overdue: false,
      });

      // … and the full supplement restarts it: every due time moves by exactly the paused working time.
      await setClock(vn('2027-02-03T10:00:00'));
      const resumed = await actOk('tiepnhan.binhthanh', code, {
        action: 'receiveSupplement',
        note: 'Đã nhận đủ',
      });
      const pausedMs = workingMs(vn('2027-02-02T09:00:00'), vn('2027-02-03T10:00:00'));
      expect(resumed.pauses[0].workingMs).toBe(pausedMs);
      expect(workingMs(atLand.steps[1].dueAt, resumed.steps[1].dueAt)).toBe(pausedMs);
      expect(workingMs(atLand.appointmentAt, resumed.appointmentAt)).toBe(pausedMs);

      await setClock(vn('2027-02-03T11:00:00'));
      const atTax = await actOk('chuyenvien.datdai', code, { action: 'forward' });
      const taxDue = atTax.steps[2].dueAt as string;
      // Three working days from Wednesday 3 Feb cross the Tết break (4–10 Feb 2027 off).
      expect(new Date(taxDue).getTime()).toBeGreaterThan(new Date(vn('2027-02-11T00:00:00')).getTime());

      // The tax office lets its step run over: the clock fires step.overdue, once.
      await setClock(new Date(new Date(taxDue).getTime() + 3_600_000).toISOString());
      const { found } = await waitForAlarm(code, 'step.overdue');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ stepIndex: 2, dueAt: taxDue });
      const taxQueue = await api.get('/v1/work-queue', as('chuyenvien.thue'));
      expect(taxQueue.body.items.find((i: { code: string }) => i.code === code)).toMatchObject({
        overdue: true,
        step: { index: 2 },
      });

      await actOk('chuyenvien.thue', code, { action: 'forward', note: 'Đã xác định nghĩa vụ tài chính' });

      // The land office will be late: an apology with a new date, once (form 04).
      const before = (await api.get(`/v1/dossiers/${code}`, as('lanhdao.datdai'))).body;
      const newDate = calendar.addWorkingDays(new Date(before.appointmentAt), 2).toISOString();
      const apologized = await actOk('lanhdao.datdai', code, {
        action: 'apologize',
        reason: 'Chờ kết quả đo đạc bổ sung',
        newAppointmentAt: newDate,
      });
      expect(apologized.apology).toMatchObject({ previousAppointmentAt: before.appointmentAt, form: '04' });
      const twice = await act('lanhdao.datdai', code, {
        action: 'apologize',
        reason: 'Lần hai',
        newAppointmentAt: newDate,
      });
      expect(twice.status).toBe(409);

      await actOk('lanhdao.datdai', code, { action: 'approve' });
      await actOk('lanhdao.datdai', code, { action: 'sign' });
      await actOk('lanhdao.datdai', code, { action: 'forward' });
      await actOk('tiepnhan.binhthanh', code, {
        action: 'markResultReady',
        kind: 'both',
        documentNumber: 'GCN-2027-001',
      });
      const returned = await actOk('tiepnhan.binhthanh', code, { action: 'returnResult', method: 'counter' });
      expect(returned.status).toBe('returned');
      expect(['early', 'onTime']).toContain(returned.timeliness);
      const tracked = await api.get(`/v1/public/demo/dossiers/${code}`, { baseUrl: cloud.baseUrl });
      expect(tracked.body.deadline.state).toBe(returned.timeliness);

      // The control sheet: one line per hand-off, each judged against its own step's due time.
      const sheet = (await api.get(`/v1/dossiers/${code}/history`, as('tiepnhan.binhthanh'))).body;
      const handoffs = sheet.lines
        .filter((l: { handoff?: unknown }) => l.handoff)
        .map((l: { handoff: Record<string, string> }) => l.handoff);
      expect(handoffs.map((h: Record<string, string>) => [h.fromAgency, h.toAgency])).toEqual([
        ['000.30.01.H99', '000.08.21.H99'],
        ['000.08.21.H99', '000.10.20.H99'],
        ['000.10.20.H99', '000.08.21.H99'],
        ['000.08.21.H99', '000.30.01.H99'],
        ['000.30.01.H99', 'applicant'],
      ]);
      const finishedAt = sheet.lines
        .filter((l: { handoff?: unknown }) => l.handoff)
        .map((l: { at: string }) => l.at);
      handoffs.forEach((h: Record<string, string>, i: number) => {
        expect(h.timeliness).toBe(calendar.classify(new Date(finishedAt[i]), new Date(h.stepDueAt)));
      });
      expect(handoffs[2].timeliness).toBe('late');
      expect(handoffs[2].timelinessLabel).toBe('Quá hạn');
      expect(handoffs[0].timeliness).toBe('early');
      expect(sheet.lines.map((l: { event: string }) => l.event)).toEqual(
        expect.arrayContaining([
          'processingPaused',
          'supplementReceived',
          'apologized',
          'approved',
          'signed',
          'resultReady',
          'returned',
        ]),
      );
      const stepOverdue = sheet.alarms.filter((a: { type: string }) => a.type === 'step.overdue');
      expect(stepOverdue).toHaveLength(1);
    });
  });

  describe('the on-the-spot birth registration 1.001193', () => {
    it('is done in one working day at one counter', async () => {
      const d = await receive('1.001193', vn('2027-03-01T07:30:00'));
      expect(d.appointmentAt).toBe(vn('2027-03-01T17:00:00'));
      const steps: Array<[string, string, Record<string, unknown>]> = [
        ['2027-03-01T07:50:00', 'tiepnhan.binhthanh', { action: 'forward' }],
        ['2027-03-01T10:30:00', 'tiepnhan.binhthanh', { action: 'forward' }],
        ['2027-03-01T11:00:00', 'lanhdao.binhthanh', { action: 'approve' }],
        ['2027-03-01T11:05:00', 'lanhdao.binhthanh', { action: 'sign' }],
        ['2027-03-01T11:10:00', 'lanhdao.binhthanh', { action: 'forward' }],
        ['2027-03-01T13:10:00', 'tiepnhan.binhthanh', { action: 'markResultReady', kind: 'both' }],
        ['2027-03-01T13:20:00', 'tiepnhan.binhthanh', { action: 'returnResult', method: 'counter' }],
      ];
      let last: Record<string, unknown> = d;
      for (const [at, user, action] of steps) {
        await setClock(vn(at));
        last = await actOk(user, d.code, action);
      }
      expect(last).toMatchObject({ status: 'returned', timeliness: 'onTime' });
      const sheet = (await api.get(`/v1/dossiers/${d.code}/history`, as('tiepnhan.binhthanh'))).body;
      const handoffs = sheet.lines.filter((l: { handoff?: unknown }) => l.handoff);
      expect(new Set(handoffs.map((l: { handoff: { fromAgency: string } }) => l.handoff.fromAgency))).toEqual(
        new Set(['000.30.01.H99']),
      );
      expect(
        handoffs.every((l: { handoff: { timeliness: string } }) => l.handoff.timeliness !== 'late'),
      ).toBe(true);
    });
  });

  describe('optimistic locking', () => {
    it('lets exactly one of 20 simultaneous actions win; the 19 others get 409 with the current version', async () => {
      const d = await receive('1.004227', vn('2027-03-02T09:00:00'));
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          api.post(`/v1/dossiers/${d.code}/actions`, {
            ...as('tiepnhan.binhthanh'),
            body: { action: 'forward', expectedVersion: d.version },
          }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.headers['content-type']).toMatch(/problem\+json/);
        expect(r.body.currentVersion).toBe(d.version + 1);
      }
      const sheet = (await api.get(`/v1/dossiers/${d.code}/history`, as('tiepnhan.binhthanh'))).body;
      expect(sheet.lines.filter((l: { event: string }) => l.event === 'forwarded')).toHaveLength(1);
      const now = (await api.get(`/v1/dossiers/${d.code}`, as('tiepnhan.binhthanh'))).body;
      expect(now).toMatchObject({ version: d.version + 1, currentStep: 1 });
    });
  });

  describe('authorization', () => {
    it('keeps staff to their own agency and role, and hides dossiers from agencies not on the route', async () => {
      const d = await receive('1.004227', vn('2027-03-03T09:00:00'));
      const wrongAgency = await api.post(`/v1/dossiers/${d.code}/actions`, {
        ...as('chuyenvien.datdai'),
        body: { action: 'forward', expectedVersion: d.version },
      });
      expect(wrongAgency.status).toBe(403);
      const outsider = await api.post(`/v1/dossiers/${d.code}/actions`, {
        ...as('chuyenvien.tuphap'),
        body: { action: 'forward', expectedVersion: d.version },
      });
      expect(outsider.status).toBe(404);
      const badAction = await api.post(`/v1/dossiers/${d.code}/actions`, {
        ...as('tiepnhan.binhthanh'),
        body: { action: 'fly', expectedVersion: d.version },
      });
      expect(badAction.status).toBe(400);
    });
  });
});

describe('the audit log (issue 11 §6)', () => {
  it('holds a personal-data read for every dossier this file read as staff, by each reader', async () => {
    const reads = staffReadsOn(cloud.baseUrl);
    expect(reads.size).toBeGreaterThan(0);
    await expectReadsAudited(reads, { baseUrl: cloud.baseUrl, token: cloud.tokens['quantri'] });
  });
});

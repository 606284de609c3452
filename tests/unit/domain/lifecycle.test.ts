import { submitDossier } from '../../../shared/api/schemas/dossier';
import type { DossierAction } from '../../../shared/api/schemas/actions';
import type { Actor, Dossier, DossierEvent } from '../../../shared/domain/dossier/model';
import { decideReception, newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { DomainRuleError } from '../../../shared/domain/errors';
import {
  deadlineAlarms,
  deadlineState,
  planClock,
  stepFlags,
} from '../../../shared/domain/lifecycle/deadlines';
import { applyAction } from '../../../shared/domain/lifecycle/engine';
import { calendarForTenant } from '../../../shared/usecases/tenant-calendar';
import { demoAgencies, demoTenant, procedureOf } from '../../fixtures/demo-province';

const calendar = calendarForTenant(demoTenant);
const staff = (username: string, agency: string, roles: string[]): Actor => ({
  subject: username,
  username,
  kind: 'staff',
  agency,
  roles,
});
const communeCounter = staff('tiepnhan.binhthanh', '000.30.01.H99', ['reception', 'specialist']);
const communeLeader = staff('lanhdao.binhthanh', '000.30.01.H99', ['leader']);
const landSpecialist = staff('chuyenvien.datdai', '000.08.21.H99', ['specialist']);
const landLeader = staff('lanhdao.datdai', '000.08.21.H99', ['leader']);
const taxSpecialist = staff('chuyenvien.thue', '000.10.20.H99', ['specialist']);
const applicant: Actor = { subject: 'citizen-1', username: 'citizen-1', kind: 'citizen', roles: ['citizen'] };

const vn = (local: string) => new Date(`${local}+07:00`);
const HOUR = 3_600_000;

function received(procedureCode: string, at: Date, actor: Actor = communeCounter): Dossier {
  const procedure = procedureOf(procedureCode);
  const submission = submitDossier.parse({
    procedureCode,
    channel: 'counter',
    applicant: {
      name: 'Trần Thị Bình',
      idNumber: '001199000111',
      phone: '0987654321',
      address: 'Xã Bình Thành',
    },
    request: 'Hồ sơ thử',
  });
  const placement = placeSubmission(submission, procedure, actor, demoAgencies);
  const d = newDossier({
    tenant: 'demo',
    code: `000.30.01.H99-X-${procedureCode}`,
    ledgerNumber: 1,
    submission,
    procedure,
    placement,
    actor,
    now: at,
    calendar,
  }).dossier;
  return decideReception(d, { outcome: 'accept' }, procedure, actor, at, calendar).dossier;
}

type Unversioned<T> = T extends unknown ? Omit<T, 'expectedVersion'> : never;

/** Applies actions in turn, keeping the history, like the API does. */
function run(start: Dossier) {
  let dossier = start;
  const history: DossierEvent[] = [];
  const act = (actor: Actor, at: Date, action: Unversioned<DossierAction>) => {
    const t = applyAction(
      dossier,
      { ...action, expectedVersion: dossier.version } as DossierAction,
      actor,
      at,
      calendar,
    );
    dossier = t.dossier;
    history.push(...t.events);
    return dossier;
  };
  return {
    act,
    get dossier() {
      return dossier;
    },
    history,
  };
}

const expectRule = (fn: () => unknown, name: string, status?: number) => {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DomainRuleError);
  expect((caught as DomainRuleError).rule).toBe(name);
  if (status) expect((caught as DomainRuleError).status).toBe(status);
};

describe('domain/lifecycle/machine', () => {
  describe('applyAction on the inter-agency land transfer 1.004227', () => {
    it('hands off commune → land office → tax → land office → commune with a control-sheet line each', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      expect(r.dossier.status).toBe('inProgress');
      expect(r.dossier.steps[1]).toMatchObject({
        status: 'active',
        agency: '000.08.21.H99',
        startedAt: '2026-03-02T10:00:00+07:00',
      });
      // The land office's 3 working days count from its hand-off.
      expect(r.dossier.steps[1].dueAt).toBe('2026-03-05T10:00:00+07:00');
      r.act(landSpecialist, vn('2026-03-04T09:00:00'), { action: 'forward' });
      r.act(taxSpecialist, vn('2026-03-06T09:00:00'), { action: 'forward' });
      r.act(landLeader, vn('2026-03-09T09:00:00'), { action: 'approve' });
      r.act(landLeader, vn('2026-03-09T09:05:00'), { action: 'sign' });
      r.act(landLeader, vn('2026-03-09T09:10:00'), { action: 'forward' });
      r.act(communeCounter, vn('2026-03-09T14:00:00'), { action: 'markResultReady', kind: 'both' });
      // The return step (0.5 day) started 09:10 and is due 14:40 the same day.
      r.act(communeCounter, vn('2026-03-09T14:30:00'), { action: 'returnResult', method: 'counter' });
      expect(r.dossier.status).toBe('returned');
      expect(r.dossier.currentStep).toBeNull();
      const handoffs = r.history
        .filter((e) => e.handoff)
        .map((e) => [e.handoff!.fromAgency, e.handoff!.toAgency, e.handoff!.timeliness]);
      expect(handoffs).toEqual([
        ['000.30.01.H99', '000.08.21.H99', 'early'],
        ['000.08.21.H99', '000.10.20.H99', 'early'],
        ['000.10.20.H99', '000.08.21.H99', 'early'],
        ['000.08.21.H99', '000.30.01.H99', 'early'],
        ['000.30.01.H99', 'applicant', 'onTime'],
      ]);
      expect(r.dossier.timeliness).toBe('early');
    });

    it("classifies a hand-off after the step's due time as late", () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      r.act(landSpecialist, vn('2026-03-06T09:00:00'), { action: 'forward' }); // due 5 March 10:00
      expect(r.history.at(-1)!.handoff!.timeliness).toBe('late');
    });

    it('a supplement request stops the clock and the resumption moves every due time by exactly the paused working time', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      const before = r.dossier;
      r.act(landSpecialist, vn('2026-03-03T10:00:00'), {
        action: 'requestSupplement',
        reason: 'Thiếu giấy tờ',
        items: [{ document: 'Tờ khai thuế', reason: 'Chưa ký' }],
      });
      expect(r.dossier.status).toBe('paused');
      expectRule(
        () => r.act(landSpecialist, vn('2026-03-04T10:00:00'), { action: 'forward' }),
        'action-not-allowed',
        409,
      );
      // Paused from Tue 10:00 to Thu 15:00: 7 + 8 + 6 = 21 working hours... minus nothing: exactly that.
      r.act(communeCounter, vn('2026-03-05T15:00:00'), { action: 'receiveSupplement' });
      const pausedMs = r.dossier.pauses[0].workingMs!;
      expect(pausedMs).toBe(
        calendar.elapsedWorkingTime(vn('2026-03-03T10:00:00'), vn('2026-03-05T15:00:00')),
      );
      for (const [was, now] of [
        [before.steps[1].dueAt!, r.dossier.steps[1].dueAt!],
        [before.appointmentAt!, r.dossier.appointmentAt!],
      ]) {
        expect(calendar.elapsedWorkingTime(new Date(was), new Date(now))).toBe(pausedMs);
      }
      expect(r.dossier.clockVersion).toBe(before.clockVersion + 2);
    });

    // Issue 7 §6: received Wed 3 Feb 2027 08:45, supplement asked the same day at 14:00 and handed
    // in Thu 18 Feb 10:00. The clock only starts Thu 11 Feb 07:30 (Tết is 4–10 Feb), so of the
    // 45.5 working hours paused only the 42.5 after that count.
    describe('a pause that begins before counting starts', () => {
      const receivedAt = vn('2027-02-03T08:45:00');
      const pause = { from: vn('2027-02-03T14:00:00'), to: vn('2027-02-18T10:00:00') };
      const resumed = () => {
        const r = run(received('1.004227', receivedAt));
        const before = r.dossier;
        r.act(communeCounter, pause.from, {
          action: 'requestSupplement',
          reason: 'Thiếu giấy tờ',
          items: [{ document: 'Hợp đồng chuyển nhượng', reason: 'Thiếu trang 3' }],
        });
        r.act(communeCounter, pause.to, { action: 'receiveSupplement' });
        return { before, after: r.dossier };
      };

      it('moves the appointment from 24 Feb 17:00 to 4 Mar 10:00, by the 42.5 h after counting started', () => {
        const { before, after } = resumed();
        expect(before.appointmentAt).toBe('2027-02-24T17:00:00+07:00');
        expect(calendar.elapsedWorkingTime(pause.from, pause.to)).toBe(45.5 * HOUR);
        expect(after.appointmentAt).toBe('2027-03-04T10:00:00+07:00'); // not 4 Mar 14:30
        expect(after.pauses[0].workingMs).toBe(42.5 * HOUR);
        expect(new Date(after.appointmentAt!)).toEqual(
          calendar.dueAt(receivedAt, { workingDays: 10 }, [pause]),
        );
      });

      it('moves the current step and each planned step by the paused time inside its own clock', () => {
        const { before, after } = resumed();
        // The reception step (0.5 day) was due Thu 11 Feb 11:30, 4 h into its clock: 4 h are left
        // after the resumption at 10:00 on 18 Feb.
        expect(before.steps[0].dueAt).toBe('2027-02-11T11:30:00+07:00');
        expect(after.steps[0].dueAt).toBe('2027-02-18T15:30:00+07:00');
        expect(after.steps.map((s) => s.plannedDueAt)).toEqual([
          '2027-02-18T15:30:00+07:00',
          '2027-02-23T15:30:00+07:00',
          '2027-02-26T15:30:00+07:00',
          '2027-03-03T15:30:00+07:00',
          '2027-03-04T10:00:00+07:00',
        ]);
        // The plan chains from the counting start: step k is due when the days of steps 0…k are used.
        const cumulative = [0.5, 3.5, 6.5, 9.5, 10];
        after.steps.forEach((s, k) =>
          expect(new Date(s.plannedDueAt!)).toEqual(
            calendar.dueAt(receivedAt, { workingDays: cumulative[k] }, [pause]),
          ),
        );
      });

      it('charges nothing for a pause that ends before counting starts', () => {
        const r = run(received('1.004227', receivedAt));
        const before = r.dossier;
        r.act(communeCounter, vn('2027-02-03T09:00:00'), {
          action: 'requestSupplement',
          reason: 'Thiếu giấy tờ',
          items: [{ document: 'CCCD', reason: 'Bản mờ' }],
        });
        r.act(communeCounter, vn('2027-02-03T16:00:00'), { action: 'receiveSupplement' });
        expect(r.dossier.appointmentAt).toBe(before.appointmentAt);
        expect(r.dossier.steps.map((s) => s.plannedDueAt)).toEqual(before.steps.map((s) => s.plannedDueAt));
        expect(r.dossier.steps[0].dueAt).toBe('2027-02-11T11:30:00+07:00');
        expect(r.dossier.pauses[0].workingMs).toBe(0);
      });
    });

    it('leaves a step that was overdue when the pause began overdue, and moves the appointment', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      expect(r.dossier.steps[1].dueAt).toBe('2026-03-05T10:00:00+07:00');
      expect(r.dossier.appointmentAt).toBe('2026-03-16T17:00:00+07:00');
      r.act(landSpecialist, vn('2026-03-06T09:00:00'), {
        action: 'requestSupplement',
        reason: 'Thiếu giấy tờ',
        items: [{ document: 'Tờ khai thuế', reason: 'Chưa ký' }],
      });
      // Fri 6 Mar 09:00 – Mon 9 Mar 09:00: 6.5 + 1.5 = 8 working hours.
      r.act(communeCounter, vn('2026-03-09T09:00:00'), { action: 'receiveSupplement' });
      expect(r.dossier.steps[1].dueAt).toBe('2026-03-05T10:00:00+07:00');
      expect(r.dossier.appointmentAt).toBe('2026-03-17T17:00:00+07:00');
      expect(
        stepFlags(
          calendar,
          r.dossier.steps[1].startedAt,
          r.dossier.steps[1].dueAt,
          vn('2026-03-09T09:00:00'),
        ),
      ).toMatchObject({ overdue: true });
    });

    it('keeps a due time at closing when the pause covered no working time', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      const before = r.dossier;
      r.act(landSpecialist, vn('2026-03-06T17:30:00'), {
        action: 'requestSupplement',
        reason: 'Thiếu giấy tờ',
        items: [{ document: 'Tờ khai thuế', reason: 'Chưa ký' }],
      });
      r.act(communeCounter, vn('2026-03-07T10:00:00'), { action: 'receiveSupplement' }); // a Saturday
      expect(r.dossier.appointmentAt).toBe(before.appointmentAt); // 16 Mar 17:00, not 17 Mar 07:30
      expect(r.dossier.pauses[0].workingMs).toBe(0);
    });

    it('re-dates once, before the appointment passes, to a later working instant (form 04)', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      r.act(landSpecialist, vn('2026-03-03T10:00:00'), { action: 'forward' });
      r.act(taxSpecialist, vn('2026-03-04T10:00:00'), { action: 'forward' });
      const previous = r.dossier.appointmentAt!;
      expectRule(
        () =>
          r.act(taxSpecialist, vn('2026-03-05T10:00:00'), {
            action: 'apologize',
            reason: 'x',
            newAppointmentAt: '2026-03-20T10:00:00+07:00',
          }),
        'not-your-step',
        403,
      );
      r.act(landLeader, vn('2026-03-05T10:00:00'), {
        action: 'apologize',
        reason: 'Chờ kết quả đo đạc',
        newAppointmentAt: '2026-03-20T10:00:00+07:00',
      });
      expect(r.dossier.apology).toMatchObject({
        previousAppointmentAt: previous,
        newAppointmentAt: '2026-03-20T10:00:00+07:00',
      });
      expect(r.dossier.appointmentAt).toBe('2026-03-20T10:00:00+07:00');
      expectRule(
        () =>
          r.act(landLeader, vn('2026-03-06T10:00:00'), {
            action: 'apologize',
            reason: 'y',
            newAppointmentAt: '2026-03-25T10:00:00+07:00',
          }),
        'already-apologized',
        409,
      );
    });

    it('refuses actions from the wrong agency or role, and forwarding a leader step before approval', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      expectRule(
        () => r.act(landSpecialist, vn('2026-03-02T10:00:00'), { action: 'forward' }),
        'not-your-step',
        403,
      );
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      r.act(landSpecialist, vn('2026-03-02T11:00:00'), { action: 'forward' });
      r.act(taxSpecialist, vn('2026-03-02T14:00:00'), { action: 'forward' });
      expectRule(
        () => r.act(landSpecialist, vn('2026-03-02T15:00:00'), { action: 'approve' }),
        'not-your-step',
        403,
      );
      expectRule(
        () => r.act(landLeader, vn('2026-03-02T15:00:00'), { action: 'forward' }),
        'not-approved',
        409,
      );
      expectRule(
        () => r.act(landLeader, vn('2026-03-02T15:00:00'), { action: 'markResultReady', kind: 'paper' }),
        'action-not-allowed',
        409,
      );
    });

    it('sends back to an earlier step and drops the approval given since', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      r.act(landSpecialist, vn('2026-03-02T11:00:00'), { action: 'forward' });
      r.act(taxSpecialist, vn('2026-03-02T14:00:00'), { action: 'forward' });
      r.act(landLeader, vn('2026-03-02T15:00:00'), { action: 'approve' });
      r.act(landLeader, vn('2026-03-02T15:30:00'), {
        action: 'sendBack',
        toStep: 2,
        reason: 'Tính lại thuế',
      });
      expect(r.dossier).toMatchObject({ status: 'inProgress', currentStep: 2, approval: undefined });
      expect(r.dossier.steps[3].status).toBe('pending');
      expect(r.history.at(-1)!.handoff).toMatchObject({
        fromAgency: '000.08.21.H99',
        toAgency: '000.10.20.H99',
      });
    });

    it('returns by post only with a tracking number, and only the applicant or the counter withdraws', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      expectRule(
        () => r.act(landSpecialist, vn('2026-03-02T10:00:00'), { action: 'withdraw', reason: 'x' }),
        'not-applicant',
        403,
      );
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'withdraw', reason: 'Người nộp xin rút' });
      expect(r.dossier.status).toBe('withdrawn');
      expectRule(
        () => r.act(communeCounter, vn('2026-03-02T11:00:00'), { action: 'forward' }),
        'action-not-allowed',
        409,
      );
      expect(applicant.kind).toBe('citizen');
    });
  });

  describe('applyAction on the on-the-spot birth registration 1.001193', () => {
    it('runs every step at one counter within one working day, in working hours', () => {
      // 8 working hours from the 07:30 opening end at the 17:00 closing the same day.
      const r = run(received('1.001193', vn('2026-03-02T07:30:00')));
      expect(r.dossier.appointmentAt).toBe('2026-03-02T17:00:00+07:00');
      r.act(communeCounter, vn('2026-03-02T08:20:00'), { action: 'forward' });
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      // The leader's 2 working hours from 10:00 end at 13:30.
      r.act(communeLeader, vn('2026-03-02T13:10:00'), { action: 'approve' });
      r.act(communeLeader, vn('2026-03-02T13:15:00'), { action: 'sign' });
      r.act(communeLeader, vn('2026-03-02T13:20:00'), { action: 'forward' });
      r.act(communeCounter, vn('2026-03-02T14:00:00'), { action: 'markResultReady', kind: 'both' });
      r.act(communeCounter, vn('2026-03-02T14:10:00'), { action: 'returnResult', method: 'counter' });
      expect(r.dossier.status).toBe('returned');
      expect(r.dossier.timeliness).toBe('onTime');
      expect(new Set(r.dossier.steps.map((s) => s.agency))).toEqual(new Set(['000.30.01.H99']));
      expect(r.history.filter((e) => e.handoff).every((e) => e.handoff!.timeliness !== 'late')).toBe(true);
    });

    it('gives a step handed over late in the day the appointment as its due time, not tomorrow', () => {
      // Received Wed 3 Feb 2027 08:00: due 17:00 that day (not Thu 11 Feb, after Tết).
      const r = run(received('1.001193', vn('2027-02-03T08:00:00')));
      expect(r.dossier.appointmentAt).toBe('2027-02-03T17:00:00+07:00');
      // 4 working hours from 14:00 would end at 08:30 on Thu 11 Feb.
      r.act(communeCounter, vn('2027-02-03T14:00:00'), { action: 'forward' });
      expect(r.dossier.steps[1].dueAt).toBe('2027-02-03T17:00:00+07:00');
      r.act(communeCounter, vn('2027-02-03T15:00:00'), { action: 'forward' });
      expect(r.dossier.steps[2].dueAt).toBe('2027-02-03T17:00:00+07:00');
    });
  });
});

describe('domain/lifecycle/deadlines', () => {
  describe('deadlineAlarms and planClock', () => {
    it('warns before the appointment, fires the step and dossier deadlines, and sleeps until the next', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      const alarms = deadlineAlarms(r.dossier, calendar);
      expect(alarms.map((a) => a.type).sort()).toEqual([
        'dossier.due_soon',
        'dossier.overdue',
        'step.overdue',
      ]);
      const stepDue = new Date(r.dossier.steps[1].dueAt!);
      const plan = planClock(alarms, new Date(stepDue.getTime() + 1));
      expect(plan.fire.map((a) => a.type)).toEqual(['step.overdue']);
      expect(plan.next?.type).toBe('dossier.due_soon');
    });
    it('gives a paused or finished dossier no alarms', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), {
        action: 'requestSupplement',
        reason: 'x',
        items: [{ document: 'a', reason: 'b' }],
      });
      expect(deadlineAlarms(r.dossier, calendar)).toEqual([]);
    });
    it('gives a re-dated appointment new alarm ids, so it can fire again', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      const first = deadlineAlarms(r.dossier, calendar).map((a) => a.id);
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'forward' });
      r.act(landLeader, vn('2026-03-02T11:00:00'), {
        action: 'apologize',
        reason: 'x',
        newAppointmentAt: '2026-04-01T10:00:00+07:00',
      });
      const second = deadlineAlarms(r.dossier, calendar).map((a) => a.id);
      expect(second.filter((id) => id.startsWith('dossier.')).some((id) => first.includes(id))).toBe(false);
    });
  });
  describe('deadlineState', () => {
    it('says within deadline, then overdue, for a pending dossier; paused while the clock stands', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      const due = new Date(r.dossier.appointmentAt!);
      expect(deadlineState(r.dossier, vn('2026-03-03T09:00:00'))).toEqual({
        state: 'withinDeadline',
        label: 'Trong hạn',
      });
      expect(deadlineState(r.dossier, new Date(due.getTime() + 1)).state).toBe('overdue');
      r.act(communeCounter, vn('2026-03-02T10:00:00'), {
        action: 'requestSupplement',
        reason: 'x',
        items: [{ document: 'a', reason: 'b' }],
      });
      expect(deadlineState(r.dossier, new Date(due.getTime() + 1)).state).toBe('paused');
    });
    it('says none once withdrawn: no result, so no early / on time / late', () => {
      const r = run(received('1.004227', vn('2026-03-02T09:00:00')));
      r.act(communeCounter, vn('2026-03-02T10:00:00'), { action: 'withdraw', reason: 'Rút' });
      expect(deadlineState(r.dossier, vn('2030-01-01T09:00:00')).state).toBe('none');
    });
  });

  describe('stepFlags', () => {
    it('flags due soon in the last quarter of the step and overdue after it', () => {
      const start = '2026-03-02T09:00:00+07:00';
      const due = '2026-03-02T13:00:00+07:00'; // 2 working hours later (lunch excluded)
      expect(calendar.elapsedWorkingTime(new Date(start), new Date(due))).toBe(2.5 * HOUR);
      expect(stepFlags(calendar, start, due, vn('2026-03-02T10:00:00'))).toEqual({
        dueSoon: false,
        overdue: false,
      });
      expect(stepFlags(calendar, start, due, vn('2026-03-02T11:20:00'))).toEqual({
        dueSoon: true,
        overdue: false,
      });
      expect(stepFlags(calendar, start, due, vn('2026-03-02T13:01:00'))).toEqual({
        dueSoon: false,
        overdue: true,
      });
    });
  });
});

import {
  decideReception,
  newDossier,
  placeSubmission,
  planSteps,
} from '../../../shared/domain/dossier/reception';
import { trackingView, dossierView } from '../../../shared/domain/dossier/views';
import { EVENT_LABELS } from '../../../shared/domain/dossier/labels';
import { canViewDossier } from '../../../shared/domain/dossier/access';
import { DomainRuleError } from '../../../shared/domain/errors';
import type { Actor } from '../../../shared/domain/dossier/model';
import { submitDossier, type SubmitDossier } from '../../../shared/api/schemas/dossier';
import { calendarForTenant } from '../../../shared/usecases/tenant-calendar';
import { demoAgencies, demoTenant, procedureOf } from '../../fixtures/demo-province';

const calendar = calendarForTenant(demoTenant);
const counterStaff: Actor = {
  subject: 's-1',
  username: 'tiepnhan.binhthanh',
  kind: 'staff',
  agency: '000.30.01.H99',
  roles: ['reception', 'specialist'],
};
const provinceCounter: Actor = {
  subject: 's-2',
  username: 'tiepnhan.tinh',
  kind: 'staff',
  agency: '000.00.01.H99',
  roles: ['reception'],
};
const citizen: Actor = { subject: 'c-1', username: 'c-1', kind: 'citizen', roles: ['citizen'] };

const submission = (over: Partial<SubmitDossier> = {}): SubmitDossier =>
  submitDossier.parse({
    procedureCode: '1.004227',
    channel: 'counter',
    applicant: {
      name: 'Nguyễn Văn An',
      idNumber: '001099012345',
      phone: '0912345678',
      email: 'an@example.vn',
      address: 'Thôn 1, xã Bình Thành',
    },
    request: 'Đăng ký biến động do chuyển nhượng thửa đất số 12',
    ...over,
  });

const expectRule = (fn: () => unknown, rule: string, status: number) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).rule).toBe(rule);
    expect((error as DomainRuleError).status).toBe(status);
    return;
  }
  throw new Error(`expected rule ${rule}`);
};

describe('domain/dossier/reception', () => {
  describe('placeSubmission', () => {
    it("receives at the staff member's own counter and routes to the competent agency", () => {
      const p = placeSubmission(submission(), procedureOf('1.004227'), counterStaff, demoAgencies);
      expect(p.receivingAgency.code).toBe('000.30.01.H99');
      expect(p.competentAgency.code).toBe('000.08.21.H99');
    });
    it('lets any counter receive for any agency (regardless of boundary)', () => {
      const p = placeSubmission(submission(), procedureOf('1.004227'), provinceCounter, demoAgencies);
      expect(p.receivingAgency.code).toBe('000.00.01.H99');
    });
    it('decides a commune procedure at the receiving commune, or at the commune named when received elsewhere', () => {
      const birth = procedureOf('1.001193');
      expect(
        placeSubmission(submission({ procedureCode: '1.001193' }), birth, counterStaff, demoAgencies)
          .competentAgency.code,
      ).toBe('000.30.01.H99');
      expectRule(
        () =>
          placeSubmission(submission({ procedureCode: '1.001193' }), birth, provinceCounter, demoAgencies),
        'competent-agency-required',
        400,
      );
      const named = placeSubmission(
        submission({ procedureCode: '1.001193', competentAgency: '000.30.02.H99' }),
        birth,
        provinceCounter,
        demoAgencies,
      );
      expect(named.competentAgency.code).toBe('000.30.02.H99');
      expectRule(
        () =>
          placeSubmission(
            submission({ competentAgency: '000.05.20.H99', procedureCode: '1.001193' }),
            birth,
            provinceCounter,
            demoAgencies,
          ),
        'not-a-commune',
        422,
      );
    });
    it('keeps citizens online and staff off the online channel', () => {
      expectRule(
        () => placeSubmission(submission(), procedureOf('1.004227'), citizen, demoAgencies),
        'channel-not-allowed',
        403,
      );
      expectRule(
        () =>
          placeSubmission(
            submission({ channel: 'online' }),
            procedureOf('1.004227'),
            counterStaff,
            demoAgencies,
          ),
        'channel-not-allowed',
        400,
      );
    });
    it("sends an online dossier to the first step's counter unless the citizen picks one", () => {
      const p = placeSubmission(
        submission({ channel: 'online', procedureCode: '2.000488' }),
        procedureOf('2.000488'),
        citizen,
        demoAgencies,
      );
      expect(p.receivingAgency.code).toBe('000.00.01.H99');
      expectRule(
        () =>
          placeSubmission(
            submission({ channel: 'online', receptionPoint: '000.05.20.H99' }),
            procedureOf('2.000488'),
            citizen,
            demoAgencies,
          ),
        'not-a-reception-point',
        422,
      );
    });
    it('refuses a staff member receiving for another counter', () => {
      expectRule(
        () =>
          placeSubmission(
            submission({ receptionPoint: '000.00.01.H99' }),
            procedureOf('1.004227'),
            counterStaff,
            demoAgencies,
          ),
        'other-counter',
        403,
      );
    });
  });

  describe('planSteps', () => {
    it('chains step due times from the receipt, each step at its own agency', () => {
      // Received Monday 2 Dec 2024, 09:00 in Vietnam.
      const steps = planSteps(
        procedureOf('1.004227'),
        '000.08.21.H99',
        new Date('2024-12-02T02:00:00Z'),
        calendar,
      );
      expect(steps.map((s) => s.agency)).toEqual([
        '000.30.01.H99',
        '000.08.21.H99',
        '000.10.20.H99',
        '000.08.21.H99',
        '000.30.01.H99',
      ]);
      const dues = steps.map((s) => new Date(s.plannedDueAt!).getTime());
      expect([...dues].sort((a, b) => a - b)).toEqual(dues);
      expect(steps[0].status).toBe('active');
    });
    it('counts on-the-spot working hours from the moment of receipt', () => {
      // Monday 2 Dec 2024 08:00 → 1 working hour → 09:00 the same day.
      const steps = planSteps(
        procedureOf('1.001193'),
        '000.30.01.H99',
        new Date('2024-12-02T01:00:00Z'),
        calendar,
      );
      expect(steps[0].plannedDueAt).toBe('2024-12-02T09:00:00+07:00');
    });
  });

  // Birth registration is due "ngay trong ngày tiếp nhận hồ sơ", or the next working day when
  // received after 15:00; its steps (1 + 4 + 2 + 1 working hours) are never due after that.
  describe('the same-day birth registration 1.001193', () => {
    const birth = procedureOf('1.001193');
    const vn = (local: string) => new Date(`${local}+07:00`);
    const accept = (at: Date) => {
      const s = submission({ procedureCode: '1.001193' });
      const placement = placeSubmission(s, birth, counterStaff, demoAgencies);
      const d = newDossier({
        tenant: 'demo',
        code: '000.30.01.H99-270203-0001',
        ledgerNumber: 1,
        submission: s,
        procedure: birth,
        placement,
        actor: counterStaff,
        now: at,
        calendar,
      }).dossier;
      return decideReception(d, { outcome: 'accept' }, birth, counterStaff, at, calendar).dossier;
    };

    it('is a same-day procedure in the demo catalog, with the default 15:00 cut-off', () => {
      expect(birth.time).toEqual({ sameDay: { cutoff: '15:00' } });
    });

    it('received Wed 3 Feb 2027 08:00: due 17:00 the same day, every step within it', () => {
      const d = accept(vn('2027-02-03T08:00:00'));
      expect(d.appointmentAt).toBe('2027-02-03T17:00:00+07:00'); // not 11 Feb: 8 h no longer spill over Tết
      expect(d.steps.map((s) => s.plannedDueAt)).toEqual([
        '2027-02-03T09:00:00+07:00',
        '2027-02-03T14:30:00+07:00', // 4 h: 09:00–11:30 and 13:00–14:30
        '2027-02-03T16:30:00+07:00',
        '2027-02-03T17:00:00+07:00', // 1 h from 16:30 would be tomorrow: capped at the appointment
      ]);
      expect(d.steps[0].dueAt).toBe('2027-02-03T09:00:00+07:00');
      expect(dossierView(d, demoAgencies).receipt?.processingTime).toBe(
        'Trong ngày tiếp nhận hồ sơ; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo',
      );
    });

    it('received at 15:00 sharp: still the same day', () => {
      expect(accept(vn('2027-02-03T15:00:00')).appointmentAt).toBe('2027-02-03T17:00:00+07:00');
    });

    it('received Wed 3 Feb 2027 15:30, on the eve of Tết: due Thu 11 Feb 17:00, the next working day', () => {
      const d = accept(vn('2027-02-03T15:30:00'));
      expect(d.appointmentAt).toBe('2027-02-11T17:00:00+07:00');
      expect(d.steps.map((s) => s.plannedDueAt)).toEqual([
        '2027-02-03T16:30:00+07:00',
        '2027-02-11T11:00:00+07:00',
        '2027-02-11T14:30:00+07:00',
        '2027-02-11T15:30:00+07:00',
      ]);
    });

    it('received Friday 5 Mar 2027 16:00: due Monday 8 Mar 17:00', () => {
      expect(accept(vn('2027-03-05T16:00:00')).appointmentAt).toBe('2027-03-08T17:00:00+07:00');
    });

    it('received Thu 29 Apr 2027 15:10, before 30/4–1/5: due Tue 4 May 17:00', () => {
      // Fri 30 Apr and Sat 1 May are holidays, Mon 3 May compensates Saturday.
      expect(accept(vn('2027-04-29T15:10:00')).appointmentAt).toBe('2027-05-04T17:00:00+07:00');
    });
  });

  describe('newDossier and decideReception', () => {
    const now = new Date('2024-12-02T02:00:00Z');
    const make = () => {
      const procedure = procedureOf('1.004227');
      const placement = placeSubmission(submission(), procedure, counterStaff, demoAgencies);
      return newDossier({
        tenant: 'demo',
        code: '000.30.01.H99-241202-0001',
        ledgerNumber: 1,
        submission: submission(),
        procedure,
        placement,
        actor: counterStaff,
        now,
        calendar,
      }).dossier;
    };

    it('accepting records the receipt, the appointment and form 01', () => {
      const { dossier, events } = decideReception(
        make(),
        { outcome: 'accept' },
        procedureOf('1.004227'),
        counterStaff,
        now,
        calendar,
      );
      expect(dossier.status).toBe('received');
      expect(dossier.receivedAt).toBe('2024-12-02T09:00:00+07:00');
      expect(dossier.appointmentAt).not.toBeNull();
      expect(events.map((e) => e.type)).toEqual(['received']);
      const view = dossierView(dossier, demoAgencies);
      expect(view.receipt?.form).toBe('01');
      expect(view.receipt?.dossierCode).toBe(dossier.code);
      expect(view.receipt?.processingTime).toBe('10 ngày làm việc');
    });
    it('a supplement request records what to add (form 02) and sets no appointment', () => {
      const items = [{ document: 'Tờ khai thuế', reason: 'Thiếu chữ ký bên nhận chuyển nhượng' }];
      const { dossier } = decideReception(
        make(),
        { outcome: 'requestSupplement', items },
        procedureOf('1.004227'),
        counterStaff,
        now,
        calendar,
      );
      expect(dossier.status).toBe('supplementRequested');
      expect(dossier.appointmentAt).toBeNull();
      expect(dossierView(dossier, demoAgencies).supplementRequest?.items).toEqual(items);
    });
    it('a refusal records its reason (form 03) as a refusal to receive', () => {
      const { dossier, events } = decideReception(
        make(),
        { outcome: 'refuse', reason: 'Không thuộc thẩm quyền' },
        procedureOf('1.004227'),
        counterStaff,
        now,
        calendar,
      );
      expect(dossier.status).toBe('refused');
      expect(dossier.refusal?.reason).toBe('Không thuộc thẩm quyền');
      expect(events.map((e) => e.type)).toEqual(['receptionRefused']);
      expect(EVENT_LABELS.receptionRefused).toBe('Từ chối tiếp nhận hồ sơ');
    });
    it('decides once only, and only at the receiving counter', () => {
      const { dossier } = decideReception(
        make(),
        { outcome: 'accept' },
        procedureOf('1.004227'),
        counterStaff,
        now,
        calendar,
      );
      expectRule(
        () =>
          decideReception(
            dossier,
            { outcome: 'accept' },
            procedureOf('1.004227'),
            counterStaff,
            now,
            calendar,
          ),
        'already-decided',
        409,
      );
      expectRule(
        () =>
          decideReception(
            make(),
            { outcome: 'accept' },
            procedureOf('1.004227'),
            provinceCounter,
            now,
            calendar,
          ),
        'other-counter',
        403,
      );
      // Access before state: a decided dossier tells another counter nothing about its status.
      expectRule(
        () =>
          decideReception(
            dossier,
            { outcome: 'accept' },
            procedureOf('1.004227'),
            provinceCounter,
            now,
            calendar,
          ),
        'other-counter',
        403,
      );
    });
    it('the public tracking view carries no ID number, phone, email or address, and masks the name', () => {
      const { dossier, events } = decideReception(
        make(),
        { outcome: 'accept' },
        procedureOf('1.004227'),
        counterStaff,
        now,
        calendar,
      );
      const text = JSON.stringify(trackingView(dossier, events, demoAgencies, now));
      for (const secret of ['001099012345', '0912345678', 'an@example.vn', 'Thôn 1', 'Nguyễn Văn An'])
        expect(text).not.toContain(secret);
      expect(text).toContain('N***** V** A*');
    });
  });

  describe('canViewDossier', () => {
    const dossier = () =>
      decideReception(
        newDossier({
          tenant: 'demo',
          code: 'x',
          ledgerNumber: 1,
          submission: submission({ channel: 'online' }),
          procedure: procedureOf('1.004227'),
          placement: placeSubmission(
            submission({ channel: 'online' }),
            procedureOf('1.004227'),
            citizen,
            demoAgencies,
          ),
          actor: citizen,
          now: new Date(),
          calendar,
        }).dossier,
        { outcome: 'accept' },
        procedureOf('1.004227'),
        counterStaff,
        new Date(),
        calendar,
      ).dossier;
    it('lets the applicant, admins and the agencies on the route see it, and nobody else', () => {
      const d = dossier();
      expect(canViewDossier({ subject: 'c-1', tenant: 'demo', roles: ['citizen'] }, d)).toBe(true);
      expect(canViewDossier({ subject: 'c-2', tenant: 'demo', roles: ['citizen'] }, d)).toBe(false);
      expect(
        canViewDossier({ subject: 'x', tenant: 'demo', agency: '000.10.20.H99', roles: ['specialist'] }, d),
      ).toBe(true);
      expect(
        canViewDossier({ subject: 'x', tenant: 'demo', agency: '000.05.20.H99', roles: ['specialist'] }, d),
      ).toBe(false);
      expect(
        canViewDossier({ subject: 'x', tenant: 'other', agency: '000.10.20.H99', roles: ['tenantAdmin'] }, d),
      ).toBe(false);
    });
  });
});

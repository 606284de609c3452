/**
 * A deterministic test province's year (fixed seed): a few thousand land-transfer dossiers walked
 * through the REAL lifecycle engine and table (every payload is what the outbox would carry), with
 * refusals at reception and in processing, withdrawals before and after acceptance, pauses,
 * apologies, late steps, returns by post, evaluations, and the overdue alarms the deadline clock
 * would fire (an alarm when the appointment passes while the dossier is open — again after a pause
 * moved it).
 */
import { submitDossier } from '../../../shared/api/schemas/dossier';
import type { Actor, Channel, Dossier } from '../../../shared/domain/dossier/model';
import { outboxFor } from '../../../shared/domain/dossier/outbox';
import { newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { runAction } from '../../../shared/domain/lifecycle/engine';
import { FINAL_STATUSES } from '../../../shared/domain/lifecycle/statuses';
import { LIFECYCLE, type ActionKey } from '../../../shared/domain/lifecycle/table';
import type { ReportEvent } from '../../../shared/domain/reports';
import { toVnIso } from '../../../shared/domain/vn-time';
import { calendar, communeCounter, communeLeader, procedure } from '../domain/lifecycle-guards';
import { demoAgencies } from '../../fixtures/demo-province';
import { seededRandom } from '../../../bench/seeded-random';

const staff = (username: string, agency: string, roles: string[]): Actor => ({
  subject: username,
  username,
  kind: 'staff',
  agency,
  roles,
});
const landSpecialist = staff('chuyenvien.datdai', '000.08.21.H99', ['specialist']);
const landLeader = staff('lanhdao.datdai', '000.08.21.H99', ['leader']);
const taxSpecialist = staff('chuyenvien.thue', '000.10.20.H99', ['specialist']);
const citizen: Actor = { subject: 'citizen-1', username: 'citizen-1', kind: 'citizen', roles: ['citizen'] };

export const rng = seededRandom;

export interface GeneratedDossier {
  dossier: Dossier;
  events: ReportEvent[];
  overdueDueAts: string[];
}

const HOUR = 3_600_000;
const CHANNELS: Channel[] = ['counter', 'online', 'postal'];

export function generateYear(count: number, seed: number, year = 2026): GeneratedDossier[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: GeneratedDossier[] = [];
  for (let n = 0; n < count; n++) {
    const channel = pick(CHANNELS);
    const submission = submitDossier.parse({
      procedureCode: procedure.code,
      channel,
      applicant: {
        name: 'Người nộp thử',
        idNumber: '001199000111',
        phone: '0987654321',
        address: 'Xã Bình Thành',
      },
      request: 'Chuyển nhượng quyền sử dụng đất',
      ...(channel === 'postal' ? { postalTrackingNumber: 'EE123456789VN' } : {}),
    });
    const submitter = channel === 'online' ? citizen : communeCounter;
    const placement = placeSubmission(submission, procedure, submitter, demoAgencies);
    // Spread over the year, and a little into the next so some are carried over.
    let now = new Date(
      Date.UTC(year, 0, 1, 2) + Math.floor(r() * 370) * 24 * HOUR + Math.floor(r() * 9) * HOUR,
    );
    const code = `000.30.01.H99-${String(n).padStart(6, '0')}-0001`;
    const created = newDossier({
      tenant: 'test',
      code,
      ledgerNumber: 1,
      submission,
      procedure,
      placement,
      actor: submitter,
      now,
      calendar,
    });
    let d = created.dossier;
    const first = created.events;
    const events: ReportEvent[] = [];
    const overdueDueAts: string[] = [];
    const record = (prevClock: number, dossier: Dossier, evs: typeof first) => {
      outboxFor(prevClock, dossier, evs).forEach((m, position) => {
        const p = m.payload as Record<string, unknown>;
        events.push({
          id: `${code}#${dossier.version}#${position}`,
          type: m.type,
          at: (p.at as string | undefined) ?? toVnIso(now),
          competentAgency: p.competentAgency as string,
          procedure: p.procedure as string,
          appointmentAt: p.appointmentAt as string | null,
        });
      });
    };
    record(d.clockVersion, d, first);
    /** Time passes; the deadline clock fires the overdue alarm if the appointment passes while open. */
    const wait = (hours: number) => {
      const later = new Date(now.getTime() + hours * HOUR);
      if (d.appointmentAt && !FINAL_STATUSES.has(d.status) && d.status !== 'resultReady') {
        const due = new Date(d.appointmentAt);
        if (due < later && !overdueDueAts.includes(d.appointmentAt) && d.status !== 'paused') {
          overdueDueAts.push(d.appointmentAt);
          events.push({
            id: `alarm#dossier.overdue#${d.appointmentAt}`,
            type: 'dossier.overdue',
            at: toVnIso(new Date(due.getTime() + 60_000)),
            competentAgency: d.competentAgency,
            procedure: d.procedure.code,
            appointmentAt: d.appointmentAt,
            dueAt: d.appointmentAt,
          });
        }
      }
      now = later;
    };
    const step = (key: ActionKey, actor: Actor, body: Record<string, unknown> = {}) => {
      const prevClock = d.clockVersion;
      const t = runAction(LIFECYCLE, key, d, body, {
        actor,
        now,
        calendar,
        procedure,
        agencyExists: (c) => demoAgencies.has(c),
      });
      d = t.dossier;
      record(prevClock, d, t.events);
    };
    // Reception: 5 % refused, 3 % withdrawn before acceptance, 4 % asked for a supplement first.
    const atReception = r();
    if (atReception < 0.05) {
      wait(2);
      step('refuseAtReception', communeCounter, { reason: 'Không thuộc thẩm quyền' });
      out.push({ dossier: d, events, overdueDueAts });
      continue;
    }
    if (atReception < 0.09) {
      step('requestSupplementAtReception', communeCounter, {
        items: [{ document: 'Hợp đồng', reason: 'Thiếu' }],
      });
      wait(24 * (1 + Math.floor(r() * 4)));
      if (atReception < 0.08) {
        step('withdraw', communeCounter, { reason: 'Không làm nữa' });
        out.push({ dossier: d, events, overdueDueAts });
        continue;
      }
      step('resubmit', communeCounter);
    }
    wait(1);
    step('accept', communeCounter);
    // How slow this dossier's agencies are: most are quick, some are late.
    const pace = r() < 0.2 ? 150 : 18;
    const later = () => wait(1 + r() * pace);
    if (r() < 0.1) {
      // An apology before the appointment passes, to a working instant a week later.
      const prev = new Date(d.appointmentAt as string);
      let next = new Date(prev.getTime() + 7 * 24 * HOUR);
      while (!calendar.isWorkingInstant(next)) next = new Date(next.getTime() + HOUR);
      wait(1);
      step('apologize', communeLeader, { reason: 'Cần xác minh thêm', newAppointmentAt: toVnIso(next) });
    }
    later();
    if (r() < 0.04) {
      step('withdraw', communeCounter, { reason: 'Rút hồ sơ' });
      out.push({ dossier: d, events, overdueDueAts });
      continue;
    }
    step('forward', communeCounter);
    later();
    if (r() < 0.15) {
      step('requestSupplement', landSpecialist, {
        items: [{ document: 'Bản vẽ', reason: 'Sai' }],
        reason: 'Thiếu bản vẽ',
      });
      wait(24 * (1 + Math.floor(r() * 6)));
      if (r() < 0.1) {
        step('refuse', landLeader, { reason: 'Không bổ sung đúng' });
        out.push({ dossier: d, events, overdueDueAts });
        continue;
      }
      step('receiveSupplement', landSpecialist);
      later();
    }
    if (r() < 0.04) {
      step('refuse', landLeader, { reason: 'Không đủ điều kiện' });
      out.push({ dossier: d, events, overdueDueAts });
      continue;
    }
    step('forward', landSpecialist);
    later();
    step('forward', taxSpecialist);
    later();
    step('approve', landLeader);
    step('sign', landLeader);
    later();
    // Some stay open at the end of the generated span: carried over into the next year.
    if (now.getTime() > Date.UTC(year + 1, 0, 10)) {
      out.push({ dossier: d, events, overdueDueAts });
      continue;
    }
    step('forward', landLeader);
    later();
    // Some are ready on the appointment's own day, an hour before it: on time, not early.
    const due = new Date(d.appointmentAt as string).getTime() - HOUR;
    if (r() < 0.15 && due > now.getTime()) wait((due - now.getTime()) / HOUR);
    step('markResultReady', communeCounter, { kind: 'paper' });
    wait(1 + r() * 48);
    const post = r() < 0.2;
    step(
      'returnResult',
      communeCounter,
      post ? { method: 'post', trackingNumber: 'EE1VN' } : { method: 'counter' },
    );
    if (r() < 0.6) {
      wait(r() * 30);
      step('evaluate', communeCounter, {
        level: pick(['veryGood', 'good', 'fair', 'poor'] as const),
        ...(r() < 0.3 ? { scores: { staff: 1 + Math.floor(r() * 5) } } : {}),
      });
    }
    out.push({ dossier: d, events, overdueDueAts });
  }
  return out;
}

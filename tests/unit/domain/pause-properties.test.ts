/**
 * Property: resuming after a supplement gives every due time the calendar's own `dueAt` with that
 * pause would give — wherever the pause falls: before counting starts, inside, or after a due
 * time already passed. Over 2026–2027, Tết 2027 and the 2026 swaps included.
 */
import fc from 'fast-check';
import { submitDossier } from '../../../shared/api/schemas/dossier';
import type { DossierAction } from '../../../shared/api/schemas/actions';
import type { Actor, Dossier } from '../../../shared/domain/dossier/model';
import { decideReception, newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { applyAction } from '../../../shared/domain/lifecycle/engine';
import { calendarForTenant } from '../../../shared/usecases/tenant-calendar';
import { demoAgencies, demoTenant, procedureOf } from '../../fixtures/demo-province';

const calendar = calendarForTenant(demoTenant);
const MINUTE = 60_000;
const counter: Actor = {
  subject: 'tiepnhan.binhthanh',
  username: 'tiepnhan.binhthanh',
  kind: 'staff',
  agency: '000.30.01.H99',
  roles: ['reception', 'specialist'],
};
const landSpecialist: Actor = { ...counter, subject: 'cv', username: 'cv', agency: '000.08.21.H99' };

function accepted(code: string, at: Date): Dossier {
  const procedure = procedureOf(code);
  const submission = submitDossier.parse({
    procedureCode: code,
    channel: 'counter',
    applicant: { name: 'Lê Văn C', idNumber: '001099000222', phone: '0900000000', address: 'Bình Thành' },
    request: 'Hồ sơ thử',
  });
  const placement = placeSubmission(submission, procedure, counter, demoAgencies);
  const d = newDossier({
    tenant: 'demo',
    code: `000.30.01.H99-X-${code}`,
    ledgerNumber: 1,
    submission,
    procedure,
    placement,
    actor: counter,
    now: at,
    calendar,
  }).dossier;
  return decideReception(d, { outcome: 'accept' }, procedure, counter, at, calendar).dossier;
}

const act = (d: Dossier, actor: Actor, at: Date, action: Record<string, unknown>) =>
  applyAction(d, { ...action, expectedVersion: d.version } as DossierAction, actor, at, calendar).dossier;

const pauseAndResume = (d: Dossier, actor: Actor, from: Date, to: Date) =>
  act(
    act(d, actor, from, {
      action: 'requestSupplement',
      reason: 'Thiếu giấy tờ',
      items: [{ document: 'Tờ khai', reason: 'Chưa ký' }],
    }),
    counter,
    to,
    { action: 'receiveSupplement' },
  );

/** Any minute of 2026 and 2027. */
const instant = fc
  .integer({
    min: Date.parse('2026-01-01T00:00:00+07:00') / MINUTE,
    max: Date.parse('2027-12-01T00:00:00+07:00') / MINUTE,
  })
  .map((m) => new Date(m * MINUTE));
/** Up to about three weeks, in minutes. */
const span = (min: number) => fc.integer({ min, max: 21 * 24 * 60 }).map((m) => m * MINUTE);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
const RUNS = { numRuns: 200 };

describe('resuming after a pause == dueAt with that pause', () => {
  it('land transfer paused at the reception step: appointment, reception step and plan', () => {
    const cumulative = [0.5, 3.5, 6.5, 9.5, 10];
    fc.assert(
      fc.property(instant, span(0), span(1), (receivedAt, untilPause, pauseLength) => {
        const from = later(receivedAt, untilPause);
        const to = later(from, pauseLength);
        const pause = [{ from, to }];
        const d = pauseAndResume(accepted('1.004227', receivedAt), counter, from, to);
        expect(new Date(d.appointmentAt!)).toEqual(calendar.dueAt(receivedAt, { workingDays: 10 }, pause));
        expect(new Date(d.steps[0].dueAt!)).toEqual(calendar.dueAt(receivedAt, { workingDays: 0.5 }, pause));
        d.steps.forEach((s, k) =>
          expect(new Date(s.plannedDueAt!)).toEqual(
            calendar.dueAt(receivedAt, { workingDays: cumulative[k] }, pause),
          ),
        );
      }),
      RUNS,
    );
  });

  it('land transfer paused at the land office: the appointment, and the step counted from its hand-off', () => {
    fc.assert(
      fc.property(instant, span(0), span(0), span(1), (receivedAt, untilHandoff, untilPause, pauseLength) => {
        const handoff = later(receivedAt, untilHandoff);
        const from = later(handoff, untilPause);
        const to = later(from, pauseLength);
        const atLand = act(accepted('1.004227', receivedAt), counter, handoff, { action: 'forward' });
        const d = pauseAndResume(atLand, landSpecialist, from, to);
        expect(new Date(d.appointmentAt!)).toEqual(
          calendar.dueAt(receivedAt, { workingDays: 10 }, [{ from, to }]),
        );
        // The step's own clock: 3 working days from the hand-off, plus the pause if it began before its due.
        const stepDue = new Date(atLand.steps[1].dueAt!);
        const charged =
          calendar.elapsedWorkingTime(handoff, from) < calendar.elapsedWorkingTime(handoff, stepDue);
        const moved = new Date(d.steps[1].dueAt!);
        if (!charged) expect(moved).toEqual(stepDue);
        else
          expect(calendar.elapsedWorkingTime(handoff, moved, [{ from, to }])).toBe(
            calendar.elapsedWorkingTime(handoff, stepDue),
          );
      }),
      RUNS,
    );
  });

  it('birth registration (same day): the appointment', () => {
    fc.assert(
      fc.property(instant, span(0), span(1), (receivedAt, untilPause, pauseLength) => {
        const from = later(receivedAt, untilPause);
        const to = later(from, pauseLength);
        const d = pauseAndResume(accepted('1.001193', receivedAt), counter, from, to);
        expect(new Date(d.appointmentAt!)).toEqual(
          calendar.dueAt(receivedAt, { sameDay: { cutoff: '15:00' } }, [{ from, to }]),
        );
      }),
      RUNS,
    );
  });
});

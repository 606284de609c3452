/**
 * One guard case per lifecycle action, keyed by action: the dossier it starts from, someone
 * allowed, someone not, and — where the entry has a guard beyond who and when — a request the
 * guard refuses. tests/unit/domain/lifecycle-table.test.ts runs them and fails when an action
 * has none.
 */
import { submitDossier } from '../../../shared/api/schemas/dossier';
import type { Actor, Dossier } from '../../../shared/domain/dossier/model';
import { newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { runAction } from '../../../shared/domain/lifecycle/engine';
import { LIFECYCLE, type ActionKey } from '../../../shared/domain/lifecycle/table';
import { calendarForTenant } from '../../../shared/usecases/tenant-calendar';
import { demoAgencies, demoTenant, procedureOf } from '../../fixtures/demo-province';

export const calendar = calendarForTenant(demoTenant);
export const procedure = procedureOf('1.004227'); // commune → land office → tax → land leader → commune
const staff = (username: string, agency: string, roles: string[]): Actor => ({
  subject: username,
  username,
  kind: 'staff',
  agency,
  roles,
});
export const communeCounter = staff('tiepnhan.binhthanh', '000.30.01.H99', ['reception']);
export const communeLeader = staff('lanhdao.binhthanh', '000.30.01.H99', ['leader']);
const landCounter = staff('tiepnhan.datdai', '000.08.21.H99', ['reception']);
const landSpecialist = staff('chuyenvien.datdai', '000.08.21.H99', ['specialist']);
const landLeader = staff('lanhdao.datdai', '000.08.21.H99', ['leader']);
const taxSpecialist = staff('chuyenvien.thue', '000.10.20.H99', ['specialist']);

const vn = (local: string) => new Date(`${local}+07:00`);
export const NOW = vn('2026-03-10T09:00:00');

export const act = (
  d: Dossier,
  key: ActionKey,
  actor: Actor,
  body: Record<string, unknown> = {},
  now = NOW,
) =>
  runAction(LIFECYCLE, key, d, body, {
    actor,
    now,
    calendar,
    procedure,
    agencyExists: (c) => demoAgencies.has(c),
  });

/** The land transfer, walked to each status once. */
function build() {
  const submission = submitDossier.parse({
    procedureCode: '1.004227',
    channel: 'counter',
    applicant: {
      name: 'Trần Thị Bình',
      idNumber: '001199000111',
      phone: '0987654321',
      address: 'Xã Bình Thành',
    },
    request: 'Chuyển nhượng quyền sử dụng đất',
  });
  const placement = placeSubmission(submission, procedure, communeCounter, demoAgencies);
  const at = vn('2026-03-02T09:00:00');
  const submitted = newDossier({
    tenant: 'demo',
    code: '000.30.01.H99-260302-0001',
    ledgerNumber: 1,
    submission,
    procedure,
    placement,
    actor: communeCounter,
    now: at,
    calendar,
  }).dossier;
  const step = (d: Dossier, key: ActionKey, actor: Actor, body: Record<string, unknown> = {}, hour = 10) =>
    act(d, key, actor, body, vn(`2026-03-02T${hour}:00:00`)).dossier;
  const received = step(submitted, 'accept', communeCounter);
  const supplementRequested = step(submitted, 'requestSupplementAtReception', communeCounter, {
    items: [{ document: 'Hợp đồng', reason: 'Thiếu trang 3' }],
  });
  const inProgress = step(received, 'forward', communeCounter, {}, 11); // at the land office's specialist
  const paused = step(inProgress, 'requestSupplement', landSpecialist, {
    items: [{ document: 'Tờ khai', reason: 'Chưa ký' }],
    reason: 'Thiếu chữ ký',
  });
  const atTax = step(inProgress, 'forward', landSpecialist, {}, 12);
  const atLeader = step(atTax, 'forward', taxSpecialist, {}, 13); // inProgress, a leader step
  const approved = step(atLeader, 'approve', landLeader, {}, 14);
  const signed = step(approved, 'sign', landLeader, {}, 15);
  const signedAtCounter = step(signed, 'forward', landLeader, {}, 16); // the last step, still signed
  const resultReady = step(signedAtCounter, 'markResultReady', communeCounter, { kind: 'paper' }, 16);
  const withdrawn = step(received, 'withdraw', communeCounter, { reason: 'Không làm nữa' });
  const returned = step(resultReady, 'returnResult', communeCounter, { method: 'counter' }, 17);
  const evaluated = step(returned, 'evaluate', communeCounter, { level: 'good' }, 17);
  return {
    submitted,
    supplementRequested,
    received,
    inProgress,
    paused,
    atLeader,
    approved,
    signed,
    signedAtCounter,
    resultReady,
    withdrawn,
    returned,
    evaluated,
  };
}
export const STATES = build();
type State = keyof typeof STATES;

export interface GuardCase {
  on: State;
  body: Record<string, unknown>;
  allowed: Actor;
  /** Someone with no right to it: 403 with this rule. */
  denied: { actor: Actor; rule: string };
  /** A request the entry's own guard refuses, when it has one. */
  guard?: { on?: State; actor?: Actor; body: Record<string, unknown>; rule: string; status: number };
}

const items = [{ document: 'Tờ khai', reason: 'Chưa ký' }];
const notYourStep = (actor: Actor) => ({ actor, rule: 'not-your-step' });

export const GUARD_CASES: Record<ActionKey, GuardCase> = {
  accept: {
    on: 'submitted',
    body: {},
    allowed: communeCounter,
    denied: { actor: landSpecialist, rule: 'other-counter' },
  },
  requestSupplementAtReception: {
    on: 'submitted',
    body: { items },
    allowed: communeCounter,
    denied: { actor: landSpecialist, rule: 'other-counter' },
  },
  refuseAtReception: {
    on: 'submitted',
    body: { reason: 'Không thuộc thẩm quyền' },
    allowed: communeCounter,
    denied: { actor: landSpecialist, rule: 'other-counter' },
  },
  resubmit: {
    on: 'supplementRequested',
    body: {},
    allowed: communeCounter,
    denied: { actor: landSpecialist, rule: 'not-applicant' },
  },
  assign: {
    on: 'received',
    body: { assignee: 'chuyenvien.binhthanh' },
    allowed: communeLeader,
    denied: notYourStep(landLeader),
    // Staff at the step may take it themselves, not hand it to someone else.
    guard: { actor: communeCounter, body: { assignee: 'someone.else' }, rule: 'not-your-step', status: 403 },
  },
  forward: {
    on: 'received',
    body: {},
    allowed: communeCounter,
    denied: notYourStep(landSpecialist),
    guard: { body: { toAgency: '999.99.99.H99' }, rule: 'unknown-agency', status: 422 },
  },
  sendBack: {
    on: 'inProgress',
    body: { toStep: 0, reason: 'Sai sót' },
    allowed: landSpecialist,
    denied: notYourStep(taxSpecialist),
    guard: {
      actor: landSpecialist,
      body: { toStep: 1, reason: 'Sai sót' },
      rule: 'not-earlier',
      status: 422,
    },
  },
  requestSupplement: {
    on: 'inProgress',
    body: { items, reason: 'Thiếu chữ ký' },
    allowed: landSpecialist,
    denied: notYourStep(taxSpecialist),
  },
  receiveSupplement: {
    on: 'paused',
    body: {},
    allowed: communeCounter,
    denied: notYourStep(taxSpecialist),
  },
  approve: {
    on: 'atLeader',
    body: {},
    allowed: landLeader,
    denied: notYourStep(landSpecialist),
    guard: { on: 'inProgress', actor: landLeader, body: {}, rule: 'not-a-leader-step', status: 409 },
  },
  sign: { on: 'approved', body: {}, allowed: landLeader, denied: notYourStep(landSpecialist) },
  apologize: {
    on: 'received',
    body: { reason: 'Cần xác minh thêm', newAppointmentAt: '2026-03-30T10:00:00+07:00' },
    allowed: communeLeader,
    denied: notYourStep(communeCounter),
    guard: {
      actor: communeLeader,
      body: { reason: 'Cần xác minh thêm', newAppointmentAt: '2026-03-03T10:00:00+07:00' },
      rule: 'not-later',
      status: 422,
    },
  },
  markResultReady: {
    on: 'signedAtCounter',
    body: { kind: 'paper' },
    allowed: communeCounter,
    denied: notYourStep(landLeader),
    guard: { on: 'signed', actor: landCounter, body: { kind: 'paper' }, rule: 'not-last-step', status: 409 },
  },
  returnResult: {
    on: 'resultReady',
    body: { method: 'counter' },
    allowed: communeCounter,
    denied: notYourStep(landLeader),
    guard: { body: { method: 'post' }, rule: 'tracking-number-required', status: 400 },
  },
  refuse: {
    on: 'received',
    body: { reason: 'Không đủ điều kiện' },
    allowed: communeLeader,
    denied: notYourStep(communeCounter),
  },
  withdraw: {
    on: 'received',
    body: { reason: 'Không làm nữa' },
    allowed: communeCounter,
    denied: { actor: landSpecialist, rule: 'not-applicant' },
  },
  evaluate: {
    on: 'returned',
    body: { level: 'veryGood', scores: { staff: 5 } },
    allowed: communeCounter,
    denied: { actor: landSpecialist, rule: 'not-applicant' },
    guard: { on: 'evaluated', body: { level: 'poor' }, rule: 'already-evaluated', status: 409 },
  },
};

/**
 * The public webhook catalog: every catalog type but the internal one has a versioned schema and
 * an example that parses; a real outbox item from every lifecycle action (and every deadline
 * alarm) projects to an envelope its schema accepts; the personal-data rule, table by table; the
 * ordering rule; and the committed docs/events.md is the one the catalog generates.
 */
import { readFileSync } from 'node:fs';
import type { Dossier } from '../../../shared/domain/dossier/model';
import { outboxFor, type OutboxMessage } from '../../../shared/domain/dossier/outbox';
import { newDossier, placeSubmission } from '../../../shared/domain/dossier/reception';
import { alarmOutboxPayload, deadlineAlarms } from '../../../shared/domain/lifecycle/deadlines';
import { DEADLINES_CHANGED, EVENT_CATALOG, type EventType } from '../../../shared/domain/lifecycle/events';
import { LIFECYCLE, type ActionKey } from '../../../shared/domain/lifecycle/table';
import {
  PUBLIC_EVENT_TYPES,
  WEBHOOK_EVENTS,
  type PublicEventType,
} from '../../../shared/domain/webhooks/events';
import {
  EXAMPLE_DOSSIER,
  exampleOutboxItem,
  WEBHOOK_EXAMPLES,
} from '../../../shared/domain/webhooks/examples';
import {
  webhookEvent,
  webhookEventId,
  type OutboxItem,
  type WebhookReceiver,
} from '../../../shared/domain/webhooks/project';
import { alarmSequence, historySequence } from '../../../shared/domain/webhooks/sequence';
import { submitDossier } from '../../../shared/api/schemas/dossier';
import { EVENTS_TARGET, renderCommittedEvents } from '../../../tools/events-doc';
import { demoAgencies } from '../../fixtures/demo-province';
import { act, calendar, communeCounter, GUARD_CASES, NOW, procedure, STATES } from './lifecycle-guards';

/** What shared/data/dossier-repo.ts writes for one message of a change (its id, its keys). */
const asStored = (d: Dossier, m: OutboxMessage, n: number): OutboxItem => ({
  id: m.id ?? `${NOW.toISOString()}#${m.type}#uuid-${n}`,
  type: m.type,
  occurredAt: NOW.toISOString(),
  payload: { tenant: d.tenant, code: d.code, version: d.version, ...m.payload },
});

/** Every agency of the dossier's route sees it; `onRoute` picks one. */
const processingOnRoute = (d: Dossier): WebhookReceiver => ({
  purpose: 'processing',
  receiverAgency: d.competentAgency,
  dossier: d,
});

/** The envelope its type's schema accepts, with no field the schema does not know. */
function expectValid(envelope: unknown, type: string) {
  const spec = WEBHOOK_EVENTS[type as PublicEventType];
  const parsed = spec.envelope.safeParse(envelope);
  expect(parsed.error).toBeUndefined();
  // zod drops unknown keys: equal after parsing means nothing extra was sent.
  expect(parsed.data).toEqual(envelope);
}

describe('the public catalog', () => {
  it('is the event catalog less the internal deadlines_changed', () => {
    const all = Object.keys(EVENT_CATALOG);
    expect([...PUBLIC_EVENT_TYPES].sort()).toEqual(all.filter((t) => t !== DEADLINES_CHANGED).sort());
    expect(PUBLIC_EVENT_TYPES).not.toContain(DEADLINES_CHANGED);
  });

  it.each(PUBLIC_EVENT_TYPES)(
    '%s: versioned schema, labels, when, agency rule, example that parses',
    (type) => {
      const spec = WEBHOOK_EVENTS[type];
      expect(spec.version).toBe(EVENT_CATALOG[type as EventType].version);
      expect(spec.envelope.shape.version.safeParse(spec.version).success).toBe(true);
      expect(spec.envelope.shape.version.safeParse(spec.version + 1).success).toBe(false);
      expect(spec.envelope.shape.type.safeParse(type).success).toBe(true);
      expect([spec.label.vi, spec.label.en, spec.when, spec.agency].every((s) => s.trim() !== '')).toBe(true);
      expectValid(WEBHOOK_EXAMPLES[type], type);
    },
  );

  it('refuses an envelope of another type or version (the schema can fail)', () => {
    const example = WEBHOOK_EXAMPLES['dossier.received'];
    expect(WEBHOOK_EVENTS['dossier.received'].envelope.safeParse({ ...example, version: 2 }).success).toBe(
      false,
    );
    expect(WEBHOOK_EVENTS['dossier.forwarded'].envelope.safeParse(example).success).toBe(false);
    const { step: _step, ...data } = WEBHOOK_EXAMPLES['step.overdue'].data as Record<string, unknown>;
    const noStep = { ...WEBHOOK_EXAMPLES['step.overdue'], data };
    expect(WEBHOOK_EVENTS['step.overdue'].envelope.safeParse(noStep).success).toBe(false);
  });

  it('refuses a step alarm that names no step (its agency would be unknown)', () => {
    const item = exampleOutboxItem('step.overdue');
    const { step: _step, ...payload } = item.payload;
    expect(() => webhookEvent({ ...item, payload }, { purpose: 'statistics', receiverAgency: 'x' })).toThrow(
      /without its step/,
    );
  });

  it('does not deliver the internal deadlines_changed', () => {
    const { dossier, events } = act(
      STATES.received,
      'apologize',
      GUARD_CASES.apologize.allowed,
      GUARD_CASES.apologize.body,
    );
    const messages = outboxFor(STATES.received.clockVersion, dossier, events);
    const internal = messages.find((m) => m.type === DEADLINES_CHANGED)!;
    expect(internal).toBeDefined();
    expect(() => webhookEvent(asStored(dossier, internal, 9), processingOnRoute(dossier))).toThrow(
      /not a public/,
    );
  });
});

describe('real outbox items project to valid envelopes', () => {
  describe.each(Object.keys(LIFECYCLE) as ActionKey[])('%s', (key) => {
    const c = GUARD_CASES[key];
    const from = STATES[c.on];
    const { dossier, events } = act(from, key, c.allowed, c.body);
    const messages = outboxFor(from.clockVersion, dossier, events).filter(
      (m) => m.type !== DEADLINES_CHANGED,
    );

    it.each(['processing', 'statistics'] as const)('for a %s subscription', (purpose) => {
      expect(messages.map((m) => m.type)).toEqual([LIFECYCLE[key].outbox]);
      const item = asStored(dossier, messages[0], 0);
      const envelope = webhookEvent(item, { ...processingOnRoute(dossier), purpose });
      expectValid(envelope, LIFECYCLE[key].outbox);
      expect(envelope).toMatchObject({
        id: webhookEventId(dossier.tenant, dossier.code, item.id),
        type: LIFECYCLE[key].outbox,
        tenant: dossier.tenant,
        dossierCode: dossier.code,
        agency: events[0].agency,
        time: events[0].at,
        sequence: dossier.version * 100,
        data: { status: dossier.status, procedureCode: dossier.procedure.code },
      });
      // The same outbox item, projected again (a retry): the same id and body.
      expect(webhookEvent(item, { ...processingOnRoute(dossier), purpose })).toEqual(envelope);
    });
  });

  it('a submission decided at once: submitted then received, one version, in order', () => {
    const submission = submitDossier.parse({
      procedureCode: '1.004227',
      channel: 'counter',
      applicant: {
        name: 'Lê Văn An',
        idNumber: '001088000222',
        phone: '0912345678',
        address: 'Xã Bình Thành',
      },
      request: 'Chuyển nhượng',
      decision: { outcome: 'accept' },
    });
    const placement = placeSubmission(submission, procedure, communeCounter, demoAgencies);
    const { dossier, events } = newDossier({
      tenant: 'demo',
      code: '000.30.01.H99-260310-0007',
      ledgerNumber: 7,
      submission,
      procedure,
      placement,
      actor: communeCounter,
      now: NOW,
      calendar,
    });
    const messages = outboxFor(0, dossier, events).filter((m) => m.type !== DEADLINES_CHANGED);
    const envelopes = messages.map((m, n) =>
      webhookEvent(asStored(dossier, m, n), processingOnRoute(dossier)),
    );
    for (const e of envelopes) expectValid(e, e.type);
    expect(envelopes.map((e) => [e.type, e.sequence])).toEqual([
      ['dossier.submitted', dossier.version * 100],
      ['dossier.received', dossier.version * 100 + 1],
    ]);
    expect(envelopes[1].data).toMatchObject({ applicant: { name: 'Lê Văn An', idNumber: '001088000222' } });
  });

  it('every deadline alarm the clock fires, as check-deadlines records it', () => {
    const d = STATES.inProgress;
    const alarms = deadlineAlarms(d, calendar);
    expect(alarms.map((a) => a.type).sort()).toEqual(['dossier.due_soon', 'dossier.overdue', 'step.overdue']);
    for (const alarm of alarms) {
      // As shared/usecases/check-deadlines.ts has shared/data/dossier-repo.ts recordAlarm write it.
      const item: OutboxItem = {
        id: `alarm#${alarm.id}`,
        type: alarm.type,
        occurredAt: alarm.at.toISOString(),
        payload: { tenant: d.tenant, code: d.code, ...alarmOutboxPayload(d, alarm) },
      };
      expect(EVENT_CATALOG[alarm.type].payload.safeParse(item.payload).error).toBeUndefined();
      const envelope = webhookEvent(item, processingOnRoute(d));
      expectValid(envelope, alarm.type);
      const step = alarm.stepIndex === undefined ? undefined : d.steps[alarm.stepIndex];
      expect(envelope.agency).toBe(alarm.type === 'step.overdue' ? step!.agency : d.competentAgency);
      expect(envelope.sequence).toBe(alarmSequence(d.version, alarm.type));
      expect(envelope.sequence).toBeGreaterThan(historySequence(d.version, 1));
    }
  });
});

describe('personal data: the least each subscription needs', () => {
  const item = exampleOutboxItem('dossier.forwarded');
  const onRoute = EXAMPLE_DOSSIER.steps[1].agency; // the land office, a step's agency
  const receiving = EXAMPLE_DOSSIER.receivingAgency;
  const elsewhere = '000.99.99.H99';
  // purpose, receiving agency, dossier passed → applicant?, staff usernames?
  const TABLE: Array<[WebhookReceiver['purpose'], string, boolean, boolean, boolean]> = [
    ['processing', onRoute, true, true, true],
    ['processing', receiving, true, true, true],
    ['processing', elsewhere, true, false, true],
    ['processing', onRoute, false, false, true],
    ['statistics', onRoute, true, false, false],
    ['statistics', elsewhere, true, false, false],
  ];

  it.each(TABLE)(
    '%s subscription of %s (dossier given: %s): applicant %s, usernames %s',
    (purpose, agency, given, applicant, staff) => {
      const e = webhookEvent(item, {
        purpose,
        receiverAgency: agency,
        ...(given ? { dossier: EXAMPLE_DOSSIER } : {}),
      });
      expectValid(e, 'dossier.forwarded');
      const data = e.data as Record<string, unknown> & { handoff: Record<string, unknown> };
      expect(data.applicant).toEqual(
        applicant ? { name: 'Trần Thị Bình', idNumber: '001199000111' } : undefined,
      );
      expect('applicant' in data).toBe(applicant);
      expect('actor' in data).toBe(staff);
      expect('fromPerson' in data.handoff).toBe(staff);
      // Nothing personal hides elsewhere in the body.
      const body = JSON.stringify(e);
      expect(body.includes('001199000111')).toBe(applicant);
      expect(body.includes('tiepnhan.binhthanh')).toBe(staff);
    },
  );

  it('a statistics alarm carries no applicant either', () => {
    const e = webhookEvent(exampleOutboxItem('step.overdue'), {
      purpose: 'statistics',
      receiverAgency: onRoute,
      dossier: EXAMPLE_DOSSIER,
    });
    expectValid(e, 'step.overdue');
    expect(JSON.stringify(e)).not.toContain('Trần Thị Bình');
  });
});

describe('ordering: (dossierCode, sequence)', () => {
  it('history positions, then the version’s alarms, then the next version', () => {
    const order = [
      historySequence(3, 0),
      historySequence(3, 1),
      alarmSequence(3, 'dossier.due_soon'),
      alarmSequence(3, 'step.overdue'),
      alarmSequence(3, 'dossier.overdue'),
      historySequence(4, 0),
      alarmSequence(4, 'dossier.due_soon'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  it('a position that would reach the alarm slots is refused', () => {
    expect(() => historySequence(1, 90)).toThrow(RangeError);
    expect(() => historySequence(1, -1)).toThrow(RangeError);
  });

  it('a dossier walked through its life: its events, shuffled, sort back by sequence', () => {
    const walk: Array<[ActionKey, Dossier]> = [];
    let d = STATES.received;
    for (const key of ['forward', 'requestSupplement', 'receiveSupplement'] as ActionKey[]) {
      const c = GUARD_CASES[key];
      const actor = key === 'forward' ? communeCounter : c.allowed;
      d = act(d, key, actor, c.body).dossier;
      walk.push([key, d]);
    }
    const envelopes = walk.map(([key, dossier], n) => {
      const m = outboxFor(dossier.clockVersion, dossier, [
        { type: LIFECYCLE[key].history, at: '', agency: 'x', actor: 'y' },
      ] as never)[0];
      return webhookEvent(asStored(dossier, m, n), { purpose: 'statistics', receiverAgency: 'x' });
    });
    const shuffled = [envelopes[2], envelopes[0], envelopes[1]];
    expect(shuffled.sort((a, b) => a.sequence - b.sequence).map((e) => e.type)).toEqual([
      'dossier.forwarded',
      'dossier.paused',
      'dossier.resumed',
    ]);
  });
});

describe('docs/events.md', () => {
  it('is what the catalog generates (run `npm run docs:events`)', () => {
    expect(readFileSync(EVENTS_TARGET, 'utf8')).toBe(renderCommittedEvents());
  });

  it('names every public type, its example, and not the internal one in the types table', () => {
    const doc = renderCommittedEvents();
    for (const t of PUBLIC_EVENT_TYPES) expect(doc).toContain(`### \`${t}\``);
    expect(doc).not.toContain(`| \`${DEADLINES_CHANGED}\` |`);
  });
});

describe('webhookEventId', () => {
  it('tells apart two dossiers whose alarms share an outbox id (the same due instant)', () => {
    const item = exampleOutboxItem('dossier.overdue');
    const other = { ...item, payload: { ...item.payload, code: `${String(item.payload.code)}-2` } };
    const receiver = { purpose: 'statistics' as const, receiverAgency: '000.00.01.H99' };
    expect(other.id).toBe(item.id);
    expect(webhookEvent(other, receiver).id).not.toBe(webhookEvent(item, receiver).id);
    // Stable: a retry or redelivery carries the same id.
    expect(webhookEvent(item, receiver).id).toBe(webhookEvent(item, receiver).id);
  });
});

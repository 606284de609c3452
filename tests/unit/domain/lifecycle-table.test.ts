/**
 * Walks the lifecycle table: every action has its labels, its history line, its outbox event in
 * the catalog, its line in the generated docs and a guard case; the committed docs/lifecycle.md
 * is the one the table generates; and an action added to a table (a test's own) needs nothing
 * else to be requested, run, allowed and documented.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { actionRequestSchema } from '../../../shared/api/schemas/lifecycle';
import { dossierAction, workQueueQuery } from '../../../shared/api/schemas/actions';
import { DomainRuleError } from '../../../shared/domain/errors';
import { ALLOWED_ACTIONS, allowedActions, runAction } from '../../../shared/domain/lifecycle/engine';
import { outboxFor } from '../../../shared/domain/dossier/outbox';
import {
  EVENT_CATALOG,
  HISTORY_LABELS,
  OUTBOX_TYPES,
  type EventType,
} from '../../../shared/domain/lifecycle/events';
import { defineAction } from '../../../shared/domain/lifecycle/spec';
import { DOSSIER_STATUSES, FINAL_STATUSES } from '../../../shared/domain/lifecycle/statuses';
import { LIFECYCLE, type ActionKey } from '../../../shared/domain/lifecycle/table';
import { STEP_ROLES } from '../../../shared/domain/roles';
import { renderCommitted, renderLifecycleDoc, TARGET, TEMPLATE } from '../../../tools/lifecycle-doc';
import { act, calendar, communeCounter, GUARD_CASES, NOW, procedure, STATES } from './lifecycle-guards';

const KEYS = Object.keys(LIFECYCLE) as ActionKey[];

const ruleOf = (fn: () => unknown): DomainRuleError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainRuleError) return e;
    throw e;
  }
  throw new Error('expected a DomainRuleError');
};

describe('the lifecycle table', () => {
  const doc = renderCommitted();

  it('docs/lifecycle.md is what the table generates (run `npm run docs:lifecycle`)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(doc);
  });

  describe.each(KEYS)('%s', (key) => {
    const spec = LIFECYCLE[key];

    it('has its labels, history line, outbox event, docs line and guard case', () => {
      expect(spec.label.vi.trim()).not.toBe('');
      expect(spec.label.en.trim()).not.toBe('');
      expect(HISTORY_LABELS[spec.history]).toBe(spec.label.vi);
      expect(OUTBOX_TYPES[spec.history]).toBe(spec.outbox);
      expect(EVENT_CATALOG[spec.outbox as EventType]).toMatchObject({ version: expect.any(Number) });
      expect(doc).toContain(`\`${key}\``);
      expect(spec.from.length).toBeGreaterThan(0);
      // Only the rating acts on a finished (returned) dossier.
      expect(spec.from.some((s) => FINAL_STATUSES.has(s))).toBe(key === 'evaluate');
      expect(GUARD_CASES[key]).toBeDefined();
    });

    const c = GUARD_CASES[key];

    it('lets the one allowed act: its history line, one version bump, events the catalog describes', () => {
      const from = STATES[c.on];
      const { dossier, events } = act(from, key, c.allowed, c.body);
      expect(dossier.version).toBe(from.version + 1);
      expect(events.map((e) => e.type)).toEqual([spec.history]);
      const messages = outboxFor(from.clockVersion, dossier, events);
      expect(messages[0].type).toBe(spec.outbox);
      for (const m of messages) {
        const entry = EVENT_CATALOG[m.type as EventType];
        expect(entry).toBeDefined();
        expect(entry.payload.safeParse(m.payload).error).toBeUndefined();
      }
    });

    it('refuses someone with no right to it (403)', () => {
      const e = ruleOf(() => act(STATES[c.on], key, c.denied.actor, c.body));
      expect([e.status, e.rule]).toEqual([403, c.denied.rule]);
    });

    it('refuses it in a status it does not leave from (409)', () => {
      const e = ruleOf(() => act(STATES.withdrawn, key, c.allowed, c.body));
      expect(e.status).toBe(409);
    });

    if (c.guard) {
      const g = c.guard;
      it(`its guard refuses: ${g.rule}`, () => {
        const e = ruleOf(() => act(STATES[g.on ?? c.on], key, g.actor ?? c.allowed, g.body));
        expect([e.status, e.rule]).toEqual([g.status, g.rule]);
      });
    }
  });

  it('derives the status enum, the allowed actions and the request enums', () => {
    expect(Object.keys(ALLOWED_ACTIONS)).toEqual(DOSSIER_STATUSES);
    // A finished dossier takes one action: the applicant's rating of a returned result.
    for (const s of FINAL_STATUSES) expect(ALLOWED_ACTIONS[s]).toEqual(s === 'returned' ? ['evaluate'] : []);
    const routed = KEYS.filter((k) => LIFECYCLE[k].request.route === 'actions');
    const schema = z.toJSONSchema(dossierAction) as unknown as {
      oneOf: Array<{ properties: { action: { const: string } } }>;
    };
    expect(schema.oneOf.map((o) => o.properties.action.const).sort()).toEqual([...routed].sort());
    expect(workQueueQuery.shape.role.def.innerType.options).toEqual([...STEP_ROLES]);
  });
});

describe('adding an action', () => {
  // The whole change: one entry. Everything below is derived from the table it sits in.
  const table = {
    ...LIFECYCLE,
    flagForInspection: defineAction({
      request: { route: 'actions' },
      from: ['received', 'inProgress'],
      who: [{ relation: 'step', roles: ['leader', 'step'] }],
      body: (f) => ({ reason: f.lines(500).check(z.minLength(1)) }),
      rule: 'Marks the dossier for the inspectorate; nothing else changes.',
      apply: (ctx, body) => ({ dossier: ctx.dossier, agency: ctx.actor.agency ?? '', note: body.reason }),
      history: 'flagged',
      outbox: 'dossier.flagged',
      label: { vi: 'Đánh dấu thanh tra', en: 'Flagged for inspection' },
    }),
  };

  it('is requested, allowed, run and documented with no other change', () => {
    const request = actionRequestSchema(table).parse({
      action: 'flagForInspection',
      reason: '  Kiểm tra ngẫu nhiên ',
      expectedVersion: 2,
    });
    expect(request).toEqual({
      action: 'flagForInspection',
      reason: 'Kiểm tra ngẫu nhiên',
      expectedVersion: 2,
    });
    expect(allowedActions(table).received).toContain('flagForInspection');
    const { dossier, events } = runAction(
      table,
      'flagForInspection',
      STATES.received,
      { reason: 'Kiểm tra ngẫu nhiên' },
      { actor: communeCounter, now: NOW, calendar, procedure },
    );
    expect(dossier.version).toBe(STATES.received.version + 1);
    expect(events[0]).toMatchObject({ type: 'flagged', note: 'Kiểm tra ngẫu nhiên' });
    expect(renderLifecycleDoc(readFileSync(TEMPLATE, 'utf8'), table)).toContain(
      '| `flagForInspection` | `received`, `inProgress` |',
    );
  });
});

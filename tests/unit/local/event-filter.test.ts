/** Lambda event-filter patterns as the offline stream poller applies them. */
import { DEADLINES_CHANGED } from '../../../shared/api/deadline-clock';
import { OUTBOX_INSERT_FILTER } from '../../../shared/api/functions';
import { compileFilters } from '../../../infra/local/streams/event-filter';

const outboxInsert = (type: string, eventName = 'INSERT') => ({
  eventName,
  dynamodb: { NewImage: { _et: { S: 'Outbox' }, type: { S: type }, PK: { S: 'TENANT#demo#DOSSIER#X' } } },
});

describe('infra/local/streams/event-filter', () => {
  describe("compileFilters with OUTBOX_INSERT_FILTER (the dispatcher's)", () => {
    const matches = compileFilters([OUTBOX_INSERT_FILTER]);

    it('lets every newly inserted outbox item through, whatever its type', () => {
      expect(matches(outboxInsert(DEADLINES_CHANGED))).toBe(true);
      expect(matches(outboxInsert('dossier.forwarded'))).toBe(true);
    });

    it('drops other event names, other entities and records without a new image', () => {
      expect(matches(outboxInsert(DEADLINES_CHANGED, 'MODIFY'))).toBe(false);
      expect(
        matches({
          eventName: 'INSERT',
          dynamodb: { NewImage: { _et: { S: 'Dossier' }, type: { S: DEADLINES_CHANGED } } },
        }),
      ).toBe(false);
      expect(
        matches({
          eventName: 'REMOVE',
          dynamodb: { OldImage: outboxInsert(DEADLINES_CHANGED).dynamodb.NewImage },
        }),
      ).toBe(false);
      expect(matches({ eventName: 'INSERT' })).toBe(false);
      expect(matches(undefined)).toBe(false);
    });
  });

  describe('compileFilters', () => {
    it('matches when any of several patterns matches, and everything when there is none', () => {
      const either = compileFilters([{ a: ['x'] }, { b: ['y'] }]);
      expect(either({ b: 'y' })).toBe(true);
      expect(either({ a: 'y' })).toBe(false);
      expect(compileFilters([])({ anything: 1 })).toBe(true);
    });

    it('accepts any of the listed exact values, of any JSON type, and any element of an array value', () => {
      const m = compileFilters([{ v: ['a', 3, true, null] }]);
      expect([m({ v: 'a' }), m({ v: 3 }), m({ v: true }), m({ v: null }), m({ v: ['z', 3] })]).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
      expect([m({ v: 'b' }), m({ v: '3' }), m({ v: false }), m({}), m({ v: { a: 1 } })]).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
    });

    it('supports prefix, suffix, exists, anything-but and numeric content filters', () => {
      expect(compileFilters([{ s: [{ prefix: 'dossier.' }] }])({ s: 'dossier.overdue' })).toBe(true);
      expect(compileFilters([{ s: [{ suffix: '.overdue' }] }])({ s: 'step.overdue' })).toBe(true);
      expect(compileFilters([{ s: [{ exists: false }] }])({})).toBe(true);
      expect(compileFilters([{ s: [{ exists: true }] }])({})).toBe(false);
      expect(compileFilters([{ s: [{ 'anything-but': ['a', 'b'] }] }])({ s: 'c' })).toBe(true);
      expect(compileFilters([{ s: [{ 'anything-but': 'a' }] }])({ s: 'a' })).toBe(false);
      expect(compileFilters([{ s: [{ 'anything-but': 'a' }] }])({})).toBe(false);
      const range = compileFilters([{ n: [{ numeric: ['>', 0, '<=', 5] }] }]);
      expect([range({ n: 5 }), range({ n: 0 }), range({ n: '3' })]).toEqual([true, false, false]);
    });

    it('refuses patterns it does not understand instead of silently matching nothing', () => {
      expect(() => compileFilters([{ a: [{ 'equals-ignore-case': 'x' }] }])).toThrow(
        'unsupported content filter',
      );
      expect(() => compileFilters([{ a: [] }])).toThrow('empty list');
      expect(() => compileFilters([{ a: 'x' } as never])).toThrow('must be an object');
    });
  });
});

/**
 * The history lines live apart from the lifecycle table (issue 14) but are the table's: one line
 * per action, keyed and ordered like the table, and each entry carries its own line. Fails when an
 * action is added without its line, a line is left without its action, or an entry spreads
 * another action's line.
 */
import { ACTION_LINES } from '../../../shared/domain/lifecycle/history-lines';
import { LIFECYCLE } from '../../../shared/domain/lifecycle/table';

describe('history lines of the lifecycle table', () => {
  it('has one line per action, in the table order, each spread into its own entry', () => {
    expect(Object.keys(ACTION_LINES)).toEqual(Object.keys(LIFECYCLE));
    for (const [key, spec] of Object.entries(LIFECYCLE)) {
      const line = ACTION_LINES[key as keyof typeof ACTION_LINES];
      expect({ history: spec.history, outbox: spec.outbox, label: spec.label }).toEqual(line);
    }
  });
});

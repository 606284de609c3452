/* global module, require */
/**
 * Jest's order (failed first, then longest first by the last run's timing, else largest file
 * first), except that the infra project's one file (tests/infra/all-files.ts) runs first when jest
 * has no timing for it, as on a clean clone in CI: it is among the longest files of the run, but it
 * is tiny (it only loads the others), so by size it would start last and run alone at the end.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads this file as CommonJS
const Sequencer = require('@jest/test-sequencer').default;

const ONE_INFRA_FILE = /tests[\\/]infra[\\/]all-files\.ts$/;

class InfraFileFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const first = sorted.filter((test) => ONE_INFRA_FILE.test(test.path) && test.duration == null);
    return [...first, ...sorted.filter((test) => !first.includes(test))];
  }
}

module.exports = InfraFileFirst;

/**
 * The infra project's one jest file: it loads every `*.test.ts` beside it, so they all share one
 * module registry and with it one built app per context (buildTestApp memoizes, ./fixture.ts).
 * As separate jest files each built and synthesized the same app again (about 7 s of CPU on an
 * idle 2-core machine, 20 s under load, 17 times). A new `tests/infra/*.test.ts` is picked up by
 * itself; `npx jest tests/infra/<file>.test.ts` still runs that file alone (jest.config.js).
 */
import { readdirSync } from 'node:fs';

for (const file of readdirSync(__dirname)
  .filter((f) => f.endsWith('.test.ts'))
  .sort())
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`./${file}`);

/**
 * The figures table of docs/reports.md, generated from shared/domain/reports/figures.ts between
 * the page's `<!-- figures:start -->` / `<!-- figures:end -->` markers, and the levels of the
 * evaluation. Run `npm run docs:reports` after changing a definition; a unit test fails while the
 * committed page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVALUATION_CRITERIA, EVALUATION_LEVELS } from '../shared/domain/dossier/evaluation';
import { FIGURE_KEYS, FIGURES } from '../shared/domain/reports/figures';

export const REPORTS_DOC = join(__dirname, '..', 'docs/reports.md');
const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';

export function renderFiguresBlock(): string {
  const rows = FIGURE_KEYS.map(
    (k) =>
      `| \`${k}\` | ${FIGURES[k].kind === 'flow' ? 'luồng / flow' : 'tồn / stock'} | ${FIGURES[k].vi} | ${FIGURES[k].en} |`,
  );
  const levels = Object.entries(EVALUATION_LEVELS).map(([k, l]) => `| \`${k}\` | ${l.vi} | ${l.en} |`);
  const criteria = Object.entries(EVALUATION_CRITERIA).map(([k, l]) => `| \`${k}\` | ${l.vi} | ${l.en} |`);
  return [
    START,
    '',
    '| Figure | Kind | Tiếng Việt | English |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'Evaluation levels (`level`) and criteria (`scores`, 1–5):',
    '',
    '| Level | Tiếng Việt | English |',
    '| --- | --- | --- |',
    ...levels,
    '',
    '| Criterion | Tiếng Việt | English |',
    '| --- | --- | --- |',
    ...criteria,
    '',
    END,
  ].join('\n');
}

export function renderReportsDoc(current: string): string {
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${REPORTS_DOC} lacks the figures markers`);
  return current.slice(0, start) + renderFiguresBlock() + current.slice(end + END.length);
}

if (require.main === module) {
  writeFileSync(REPORTS_DOC, renderReportsDoc(readFileSync(REPORTS_DOC, 'utf8')));
  console.log(`wrote ${REPORTS_DOC}`);
}

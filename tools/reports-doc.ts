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
import {
  INDICATOR_KEYS,
  SERVICE_INDEX_GROUP_KEYS,
  SERVICE_INDEX_GROUPS,
  SERVICE_INDEX_INDICATORS,
  SERVICE_INDEX_INPUT_KEYS,
  SERVICE_INDEX_INPUTS,
} from '../shared/domain/reports/service-index';

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

const INDEX_START = '<!-- index:start -->';
const INDEX_END = '<!-- index:end -->';

/** The service index's groups, indicators, formulas and inputs (shared/domain/reports/service-index.ts). */
export function renderIndexBlock(): string {
  const rows = SERVICE_INDEX_GROUP_KEYS.flatMap((g) => {
    const group = SERVICE_INDEX_GROUPS[g];
    return INDICATOR_KEYS.filter((k) => SERVICE_INDEX_INDICATORS[k].group === g).map((k) => {
      const i = SERVICE_INDEX_INDICATORS[k];
      return `| ${group.vi} (${group.max}) | \`${k}\` ${i.vi} | ${i.points} | \`${i.formula}\` | ${i.approximate ? '**gần đúng / approximate**' : 'đúng / exact'} |`;
    });
  });
  const inputs = SERVICE_INDEX_INPUT_KEYS.map(
    (k) => `| \`${k}\` | ${SERVICE_INDEX_INPUTS[k].vi} | ${SERVICE_INDEX_INPUTS[k].en} |`,
  );
  return [
    INDEX_START,
    '',
    'Each indicator earns `points × min(1, ratio / target)`; a group is the sum of its indicators.',
    '',
    '| Nhóm (điểm tối đa) | Chỉ tiêu | Điểm | Công thức / formula | |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Inputs the province enters (`PUT /v1/reports/service-index/inputs`):',
    '',
    '| Input | Tiếng Việt | English |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    INDEX_END,
  ].join('\n');
}

function replaceBlock(current: string, start: string, end: string, block: string): string {
  const a = current.indexOf(start);
  const b = current.indexOf(end);
  if (a < 0 || b < 0) throw new Error(`${REPORTS_DOC} lacks the ${start} … ${end} markers`);
  return current.slice(0, a) + block + current.slice(b + end.length);
}

export function renderReportsDoc(current: string): string {
  const figures = replaceBlock(current, START, END, renderFiguresBlock());
  return replaceBlock(figures, INDEX_START, INDEX_END, renderIndexBlock());
}

if (require.main === module) {
  writeFileSync(REPORTS_DOC, renderReportsDoc(readFileSync(REPORTS_DOC, 'utf8')));
  console.log(`wrote ${REPORTS_DOC}`);
}

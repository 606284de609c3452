/**
 * docs/lifecycle.md, generated: the prose of tools/lifecycle.template.md with the lifecycle
 * table's statuses, actions and events put in at its `<!-- generated: … -->` markers. Run
 * `npm run docs:lifecycle` after changing the table; a unit test fails while the committed page
 * is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowedActions } from '../shared/domain/lifecycle/engine';
import { EVENT_CATALOG } from '../shared/domain/lifecycle/events';
import type { ActionTable, Permit } from '../shared/domain/lifecycle/spec';
import { DOSSIER_STATUSES, STATUSES } from '../shared/domain/lifecycle/statuses';
import { LIFECYCLE } from '../shared/domain/lifecycle/table';

const ROOT = join(__dirname, '..');
export const TEMPLATE = join(ROOT, 'tools/lifecycle.template.md');
export const TARGET = join(ROOT, 'docs/lifecycle.md');

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** A permit in words: "leader at the current step's agency", "the applicant". */
function permitText(p: Permit): string {
  switch (p.relation) {
    case 'applicant':
      return 'the applicant';
    case 'counter':
      return p.roles
        ? `${p.roles.map(code).join('/')} at the receiving counter`
        : 'staff of the receiving counter';
    case 'step': {
      const roles = p.roles.map((r) => (r === 'step' ? "the step's role" : code(r))).join('/');
      return `${roles} at the current step's agency${p.when ? `, ${p.when.en}` : ''}`;
    }
  }
}

function actionRows(t: ActionTable, route: 'actions' | 'reception-decision'): string[][] {
  return Object.entries(t)
    .filter(([, s]) => s.request.route === route)
    .map(([key, s]) => [
      s.request.route === 'reception-decision' ? `${code(s.request.outcome)} (${code(key)})` : code(key),
      s.from.map(code).join(', '),
      s.who.map(permitText).join('; or '),
      s.rule + (s.form ? ` Form ${s.form}.` : ''),
      s.clocks ?? '—',
      `${code(s.history)} ${s.label.vi} / ${s.label.en}`,
      code(s.outbox),
    ]);
}

const ACTION_HEAD = [
  'action',
  'allowed while',
  'who',
  'guard and effect',
  'clocks',
  'history line',
  'outbox event',
];

export function renderLifecycleDoc(template: string, t: ActionTable = LIFECYCLE): string {
  const allowed = allowedActions(t);
  const parts: Record<string, string> = {
    reception: table(ACTION_HEAD, actionRows(t, 'reception-decision')),
    processing: table(ACTION_HEAD, actionRows(t, 'actions')),
    statuses: table(
      ['status', 'label', 'final', 'actions allowed'],
      DOSSIER_STATUSES.map((s) => [
        code(s),
        `${STATUSES[s].vi} / ${STATUSES[s].en}`,
        STATUSES[s].final ? 'yes' : 'no',
        allowed[s].map(code).join(', ') || '—',
      ]),
    ),
    events: table(
      ['event', 'version', 'label'],
      Object.entries(EVENT_CATALOG).map(([type, e]) => [
        code(type),
        String(e.version),
        `${e.label.vi} / ${e.label.en}`,
      ]),
    ),
  };
  return template.replace(/<!-- generated: (\w+) -->/g, (marker, name: string) => {
    if (!(name in parts)) throw new Error(`unknown marker ${marker}`);
    return parts[name];
  });
}

export const renderCommitted = () => renderLifecycleDoc(readFileSync(TEMPLATE, 'utf8'));

if (require.main === module) {
  writeFileSync(TARGET, renderCommitted());
  console.log(`wrote ${TARGET}`);
}

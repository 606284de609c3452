/**
 * docs/authorization.md, generated: the prose of tools/authorization.template.md with the policy
 * table, the relations, the actions and each route's action put in at its `<!-- generated: … -->`
 * markers. Run `npm run docs:authorization` after changing the policy; a unit test fails while the
 * committed page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES, routeKey, routeRoles, type RouteDef } from '../shared/api/routes';
import {
  ACTION_NAMES,
  ACTIONS,
  POLICY,
  RELATIONS,
  RELATION_NAMES,
  type Grant,
} from '../shared/domain/policy';
import { ROLES } from '../shared/domain/roles';

const ROOT = join(__dirname, '..');
export const TEMPLATE = join(ROOT, 'tools/authorization.template.md');
export const TARGET = join(ROOT, 'docs/authorization.md');

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

const grantText = (g: Grant | undefined): string =>
  g === undefined ? '—' : typeof g === 'string' ? g : g.join(', ');

export function renderAuthorizationDoc(template: string): string {
  const routes = ROUTES as readonly RouteDef[];
  const parts: Record<string, string> = {
    policy: table(
      ['action', ...ROLES.map(code)],
      ACTION_NAMES.map((a) => [code(a), ...ROLES.map((r) => grantText(POLICY[a][r]))]),
    ),
    relations: table(
      ['relation', 'meaning'],
      RELATION_NAMES.map((r) => [code(r), `${RELATIONS[r].vi} / ${RELATIONS[r].en}`]),
    ),
    actions: table(
      ['action', 'on', 'mode', 'meaning'],
      ACTION_NAMES.map((a) => [
        code(a),
        ACTIONS[a].scope,
        ACTIONS[a].mode,
        `${ACTIONS[a].vi} / ${ACTIONS[a].en}`,
      ]),
    ),
    routes: table(
      ['route', 'id', 'action', 'roles'],
      routes.map((r) => [code(routeKey(r)), r.id, code(r.action), routeRoles(r)?.join(', ') ?? 'public']),
    ),
  };
  return template.replace(/<!-- generated: (\w+) -->/g, (marker, name: string) => {
    if (!(name in parts)) throw new Error(`unknown marker ${marker}`);
    return parts[name] as string;
  });
}

export const renderCommitted = () => renderAuthorizationDoc(readFileSync(TEMPLATE, 'utf8'));

if (require.main === module) {
  writeFileSync(TARGET, renderCommitted());
  console.log(`wrote ${TARGET}`);
}

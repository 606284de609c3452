/**
 * docs/events.md, generated: the prose of tools/events.template.md with the webhook catalog's
 * types table and one example per type put in at its `<!-- generated: … -->` markers. Run
 * `npm run docs:events` after changing the catalog; a unit test fails while the committed page
 * is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_EVENT_TYPES, WEBHOOK_EVENTS } from '../shared/domain/webhooks/events';
import { WEBHOOK_EXAMPLES } from '../shared/domain/webhooks/examples';

const ROOT = join(__dirname, '..');
export const EVENTS_TEMPLATE = join(ROOT, 'tools/events.template.md');
export const EVENTS_TARGET = join(ROOT, 'docs/events.md');

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** The data fields of a type, required ones plain and optional ones with `?`. */
function fields(type: (typeof PUBLIC_EVENT_TYPES)[number]): string {
  const shape = WEBHOOK_EVENTS[type].data.shape as Record<
    string,
    { safeParse(v: unknown): { success: boolean } }
  >;
  return Object.entries(shape)
    .map(([name, s]) => code(s.safeParse(undefined).success ? `${name}?` : name))
    .join(', ');
}

export function renderEventsDoc(template: string): string {
  const parts: Record<string, string> = {
    types: [
      row(['type', 'version', 'label', 'when', '`agency`', 'data fields']),
      row(['---', '---', '---', '---', '---', '---']),
      ...PUBLIC_EVENT_TYPES.map((t) => {
        const e = WEBHOOK_EVENTS[t];
        return row([
          code(t),
          String(e.version),
          `${e.label.vi} / ${e.label.en}`,
          e.when,
          e.agency,
          fields(t),
        ]);
      }),
    ].join('\n'),
    examples: PUBLIC_EVENT_TYPES.map(
      (t) => `### ${code(t)}\n\n\`\`\`json\n${JSON.stringify(WEBHOOK_EXAMPLES[t], null, 2)}\n\`\`\``,
    ).join('\n\n'),
  };
  return template.replace(/<!-- generated: (\w+) -->/g, (marker, name: string) => {
    if (!(name in parts)) throw new Error(`unknown marker ${marker}`);
    return parts[name];
  });
}

export const renderCommittedEvents = () => renderEventsDoc(readFileSync(EVENTS_TEMPLATE, 'utf8'));

if (require.main === module) {
  writeFileSync(EVENTS_TARGET, renderCommittedEvents());
  console.log(`wrote ${EVENTS_TARGET}`);
}

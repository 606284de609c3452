/**
 * `npm run budgets` re-measures every function's minified bundle and rewrites the budgets written
 * beside the functions (issue 14 §3; the rule in shared/api/bundle-budgets.ts): a function above
 * the default gets the size measured plus 25 KB, rounded up to 25 KB, with the measured size in the
 * comment; a function now within the default loses its budget line. A function above the default
 * without a budget line is reported, not given one: its reason is a person's to write.
 *
 * Run it after a change that makes bundles smaller, so the budgets stay tight and the next heavy
 * import fails the test. It edits only the `bundle: { kb: …, reason: … }, // … KB measured` lines
 * (route metadata modules and shared/api/functions.ts); review the diff like any other.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleSizes, deployedFunctions, REPO_ROOT } from '../bench/bundles';
import { DEFAULT_BUNDLE_BUDGET_KB } from '../shared/api/bundle-budgets';

const KB = 1024;
const STEP_KB = 25;
const BUDGET_LINE = /^(\s*)bundle: \{ kb: (\d+), reason: (\w+) \}, \/\/ \d+ KB measured\n/m;

/** The budget a measured size earns, or undefined when the default covers it. */
export function budgetFor(bytes: number): { kb: number; measuredKb: number } | undefined {
  if (bytes <= DEFAULT_BUNDLE_BUDGET_KB * KB) return undefined;
  const measuredKb = Math.round(bytes / KB);
  return { kb: Math.ceil((bytes / KB + STEP_KB) / STEP_KB) * STEP_KB, measuredKb };
}

/** The text of one entry's source with its budget line rewritten (or removed). */
function rewriteBudget(source: string, budget: ReturnType<typeof budgetFor>): string {
  return source.replace(BUDGET_LINE, (_line, indent: string, _kb: string, reason: string) =>
    budget
      ? `${indent}bundle: { kb: ${budget.kb}, reason: ${reason} }, // ${budget.measuredKb} KB measured\n`
      : '',
  );
}

/** Removes a reason from the module's import of the budget reasons when nothing else uses it. */
function dropUnusedReason(source: string): string {
  return source.replace(/^import \{ ([^}]+) \} from '[./]+bundle-budgets';\n/m, (line, names: string) => {
    const rest = source.replace(line, '');
    const kept = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.startsWith('type ') || new RegExp(`\\b${n}\\b`).test(rest));
    return kept.length === 0 ? '' : line.replace(names, kept.join(', '));
  });
}

const FUNCTIONS_FILE = path.join(REPO_ROOT, 'shared/api/functions.ts');

/**
 * Where a function's budget is written: the whole of its route's metadata module, or in the
 * function table the text from its `id:` to the next entry's.
 */
function budgetSite(
  id: string,
  read: (file: string) => string,
): { file: string; start: number; end: number } {
  const meta = path.join(REPO_ROOT, 'shared/api/route-meta', `${id}.ts`);
  if (existsSync(meta)) return { file: meta, start: 0, end: read(meta).length };
  const table = read(FUNCTIONS_FILE);
  const start = table.indexOf(`id: '${id}'`);
  if (start < 0) throw new Error(`${id}: no route metadata module and no function-table entry`);
  const next = table.indexOf("id: '", start + 1);
  return { file: FUNCTIONS_FILE, start, end: next < 0 ? table.length : next };
}

async function main(): Promise<void> {
  const sizes = await bundleSizes(deployedFunctions());
  const texts = new Map<string, string>();
  const read = (file: string) => texts.get(file) ?? texts.set(file, readFileSync(file, 'utf8')).get(file)!;
  const unbudgeted: string[] = [];
  for (const { id, bytes } of sizes) {
    const budget = budgetFor(bytes);
    const { file, start, end } = budgetSite(id, read);
    const text = read(file);
    const entry = text.slice(start, end);
    if (!BUDGET_LINE.test(entry)) {
      if (budget) unbudgeted.push(`${id} ${Math.round(bytes / KB)} KB`);
      continue;
    }
    texts.set(file, text.slice(0, start) + rewriteBudget(entry, budget) + text.slice(end));
  }
  for (const [file, text] of texts) writeFileSync(file, dropUnusedReason(text));
  for (const { id, bytes } of sizes) console.log(`${id.padEnd(28)} ${Math.round(bytes / KB)} KB`);
  if (unbudgeted.length > 0) {
    console.error(
      `above the default ${DEFAULT_BUNDLE_BUDGET_KB} KB without a budget line (write one with its reason):`,
    );
    for (const line of unbudgeted) console.error(`  ${line}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

/**
 * Why does a function's bundle hold a module? `npx tsx bench/why.ts <functionId> [module]`
 *
 * Builds the function as CDK does (bench/bundles.ts CDK_ESBUILD_OPTIONS) and walks esbuild's
 * metafile import graph from the handler. With a module (any part of its path, e.g.
 * `shared/domain/reports` or `node_modules/zod/`), prints the shortest import chain that brings in
 * the first input matching it; without one, lists the function's own-code inputs (functions/ and
 * shared/) by the bytes they add to the minified bundle, largest first. Issue 14 §3: cut the chains
 * a route does not use at run time.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { CDK_ESBUILD_OPTIONS, REPO_ROOT, deployedFunctions } from './bundles';

/** Shortest import chain from `entry` to the first input whose path contains `needle`, or undefined. */
export function importChain(metafile: Metafile, entry: string, needle: string): string[] | undefined {
  const previous = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current !== entry && current.includes(needle)) {
      const chain = [current];
      for (let at = previous.get(current); at; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const { path: next } of metafile.inputs[current]?.imports ?? []) {
      if (!previous.has(next) && metafile.inputs[next]) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const [id, needle] = process.argv.slice(2);
  const fn = deployedFunctions().find((f) => f.id === id);
  if (!fn) throw new Error(`usage: why.ts <functionId> [module]; no function ${id ?? '(none)'}`);
  const result = await build({
    ...CDK_ESBUILD_OPTIONS,
    entryPoints: [path.join(REPO_ROOT, fn.entry)],
    outfile: path.join(REPO_ROOT, '.why', 'index.mjs'), // named only: write: false
    sourcemap: false,
    metafile: true,
    write: false,
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
  if (needle) {
    const chain = importChain(result.metafile, output.entryPoint!, needle);
    if (!chain) return console.log(`${id} does not bundle anything matching ${needle}`);
    const bytes = output.inputs[chain.at(-1)!]?.bytesInOutput ?? 0;
    console.log(`${id} bundles ${chain.at(-1)} (${(bytes / 1024).toFixed(1)} KB) through:`);
    chain.forEach((input, depth) => console.log(`${'  '.repeat(depth)}${input}`));
    return;
  }
  const own = Object.entries(output.inputs)
    .filter(([input]) => !input.includes('node_modules/'))
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
  const total = own.reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  console.log(`${id}: own code ${(total / 1024).toFixed(1)} KB of the minified bundle`);
  for (const [input, { bytesInOutput }] of own)
    console.log(`${(bytesInOutput / 1024).toFixed(1).padStart(7)} KB  ${input}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

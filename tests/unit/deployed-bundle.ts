/**
 * For tests that must execute what CDK deploys: one function's handler and a test fixture, bundled
 * together with the esbuild options CDK derives from FUNCTION_BUNDLING (bench/bundles.ts), so the
 * fixture carries the same aliases and tree-shaking as the handler. The test reads each bundle's
 * inputs from the metafile and runs a script against the fixture's bundle in a fresh Node process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { CDK_ESBUILD_OPTIONS, REPO_ROOT, deployedFunctions } from '../../bench/bundles';

export interface DeployedBundles {
  /** The bundle's inputs (repository-relative paths), `handler` or the fixture's name. */
  inputsOf(bundle: string): string[];
  /** Runs an ES module script in a fresh Node process, `process.argv[1]` the bundle's URL; its stdout. */
  run(script: string, bundle: string): string;
  dispose(): void;
}

/** Builds `functionId`'s handler (as `handler`) and `fixture` (repository path, as `name`). */
export async function bundleAsDeployed(
  functionId: string,
  fixture: { name: string; entry: string },
): Promise<DeployedBundles> {
  const handler = deployedFunctions().find((f) => f.id === functionId);
  if (!handler) throw new Error(`no function ${functionId}`);
  const outdir = mkdtempSync(path.join(tmpdir(), `${functionId}-bundle-`));
  const { metafile } = await build({
    ...CDK_ESBUILD_OPTIONS,
    entryPoints: {
      [`${fixture.name}/index`]: path.join(REPO_ROOT, fixture.entry),
      'handler/index': path.join(REPO_ROOT, handler.entry),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    sourcemap: false,
    metafile: true,
  });
  const file = (bundle: string) => path.join(outdir, bundle, 'index.mjs');
  return {
    inputsOf: (bundle) =>
      Object.keys(
        Object.entries(metafile.outputs).find(([out]) => path.resolve(REPO_ROOT, out) === file(bundle))?.[1]
          ?.inputs ?? {},
      ),
    run: (script, bundle) =>
      execFileSync(
        process.execPath,
        ['--input-type=module', '-e', script, pathToFileURL(file(bundle)).href],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      ),
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/**
 * Each entry's bundled inputs (repository-relative), from one esbuild run built the way CDK bundles
 * a function but unminified, for speed: tree-shaking, and so which modules are in, is the same.
 * `withBytes`: only the inputs that put code into the output (not those whose every export was
 * dropped).
 */
export async function bundledInputs(
  entries: Record<string, string>,
  options: { withBytes: boolean },
): Promise<Record<string, string[]>> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    loader: { '.ttf': 'binary' },
    outdir: path.join(REPO_ROOT, 'cdk.out', 'bundled-inputs-test'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  return Object.fromEntries(
    Object.keys(entries).map((name) => {
      const output = Object.entries(outputs).find(([file]) => path.basename(file) === `${name}.js`);
      if (!output) throw new Error(`no output for ${name}`);
      const inputs = Object.entries(output[1].inputs).filter(
        ([, { bytesInOutput }]) => !options.withBytes || bytesInOutput > 0,
      );
      return [name, inputs.map(([input]) => input)];
    }),
  );
}

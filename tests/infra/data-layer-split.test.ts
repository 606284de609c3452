/**
 * Issue 14: a route bundles only the data layer it uses. dynamodb-toolbox declares no
 * `"sideEffects": false`, so every toolbox module a bundled module of ours imports is bundled
 * whole, used or not; our package does declare it, so a module of ours whose exports a route does
 * not use is left out with its imports. Hence one module per entity (shared/data/entities/*, re-
 * exported by table.ts), and the reads apart from the writes (dossier-read.ts, dossier-lists.ts,
 * catalog-reads.ts, personal-data-key-create.ts): importing a read through a module that also
 * writes would bring the update, put and transaction builders back into every reading route.
 * Built as CDK builds them (bench/bundles.ts CDK_ESBUILD_OPTIONS), from esbuild's metafile.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { CDK_ESBUILD_OPTIONS, REPO_ROOT, deployedFunctions } from '../../bench/bundles';

/**
 * Functions that only read through the toolbox: trackDossier and getDossier read a dossier and its
 * history; countUsage reads one dossier (its counters are written with lib-dynamodb).
 */
const READERS = ['trackDossier', 'getDossier', 'listProcedures', 'getTenantSettings', 'countUsage'] as const;
/** getUsage reads its counters with lib-dynamodb alone. */
const MEASURED = [...READERS, 'getUsage'] as const;

const TOOLBOX = 'node_modules/dynamodb-toolbox/';
// The builders themselves; the update action's symbols (`$get`, isExtension) are the schema
// parser's, which every route bundles.
const WRITE_ACTIONS =
  /dynamodb-toolbox\/dist\/esm\/entity\/actions\/(update\/(?!symbols\/)|put\/|delete\/|transact\w+\/)/;
const ENTITY = /^shared\/data\/entities\/([\w-]+)\.ts$/;

/** The inputs that put bytes into each function's bundle. */
let inputs: Map<string, string[]>;

beforeAll(async () => {
  const fns = deployedFunctions().filter((f) => (MEASURED as readonly string[]).includes(f.id));
  expect(fns.map((f) => f.id).sort()).toEqual([...MEASURED].sort());
  const outdir = path.join(REPO_ROOT, '.data-layer-split'); // named only: write: false
  const result = await build({
    ...CDK_ESBUILD_OPTIONS,
    entryPoints: Object.fromEntries(fns.map((f) => [`${f.id}/index`, path.join(REPO_ROOT, f.entry)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    sourcemap: false,
    metafile: true,
    write: false,
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  inputs = new Map(
    fns.map((f) => {
      const output = Object.entries(outputs).find(
        ([out]) => path.resolve(REPO_ROOT, out) === path.join(outdir, f.id, 'index.mjs'),
      )?.[1];
      if (!output) throw new Error(`esbuild reported no output for ${f.id}`);
      const used = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
      return [f.id, used.map(([input]) => input)];
    }),
  );
}, 120_000);

const entitiesOf = (id: string) =>
  (inputs.get(id) ?? []).flatMap((input) => ENTITY.exec(input)?.[1] ?? []).sort();

describe('data layer per route (issue 14)', () => {
  test.each(READERS)('%s, which only reads through the toolbox, bundles none of its write builders', (id) => {
    expect(inputs.get(id)?.some((input) => input.includes(TOOLBOX))).toBe(true);
    expect((inputs.get(id) ?? []).filter((input) => WRITE_ACTIONS.test(input))).toEqual([]);
  });

  test('a route bundles the entities its use cases touch, not the other twenty', () => {
    // table.ts only re-exports: any byte of it would be an entity built there for every importer.
    for (const id of MEASURED)
      expect({ id, table: inputs.get(id)?.includes('shared/data/table.ts') }).toEqual({ id, table: false });
    expect(entitiesOf('trackDossier')).toEqual(['agency', 'dossier', 'dossier-event', 'tenant']);
    expect(entitiesOf('listProcedures')).toEqual(['procedure', 'tenant']);
    expect(entitiesOf('countUsage')).toEqual(['dossier']);
  });

  test('getUsage, which reads its counters with lib-dynamodb, bundles no dynamodb-toolbox', () => {
    expect((inputs.get('getUsage') ?? []).filter((input) => input.includes(TOOLBOX))).toEqual([]);
  });
});

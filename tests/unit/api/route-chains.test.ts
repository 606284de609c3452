/**
 * Issue 14: own-code import chains a route does not run, cut and kept cut. Each fact below is
 * "this function's bundle holds none of this module's code", read from esbuild's metafile of a
 * real build (one run, all entries, the way CDK bundles a function, unminified for speed:
 * tree-shaking is the same). What each test proves:
 * - the lifecycle table (guards, effects, body schemas: 13 KB minified) is only in the functions
 *   that run or document an action; the views, tracking, attachments, webhooks and the receipt
 *   holder's status and uploads name history lines through ./history-lines.ts instead;
 * - the functions that read the tenant's settings (nearly all) build its schema without the
 *   service index's table (reports/service-index.ts) or the default notification templates;
 * - the check sees a module when it is there (actOnDossier runs the table; getServiceIndex the index),
 *   so an empty answer above is not a blind spot.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { FUNCTIONS } from '../../../shared/api/functions';
import { ROUTE_META } from '../../../shared/api/route-meta';

const ROOT = path.resolve(__dirname, '../../..');
const TABLE = 'shared/domain/lifecycle/table.ts';
const SERVICE_INDEX = 'shared/domain/reports/service-index.ts';
const TEMPLATES = 'shared/domain/notifications/templates.ts';

/** Function id → the modules its bundle must not carry (chains cut for issue 14). */
const MUST_NOT_BUNDLE: Record<string, readonly string[]> = {
  trackDossier: [TABLE, SERVICE_INDEX, TEMPLATES],
  getDossier: [TABLE, SERVICE_INDEX, TEMPLATES],
  getControlSheet: [TABLE],
  getWorkQueue: [TABLE, SERVICE_INDEX],
  createAttachment: [TABLE],
  listAttachments: [TABLE],
  getDossierByReceipt: [TABLE, SERVICE_INDEX],
  listAttachmentsByReceipt: [TABLE, SERVICE_INDEX],
  createWebhookSubscription: [TABLE, SERVICE_INDEX, TEMPLATES],
  fanoutWebhooks: [TABLE],
  submitDossier: [SERVICE_INDEX, TEMPLATES],
  putTenantSettings: [SERVICE_INDEX, TEMPLATES],
  createStaff: [SERVICE_INDEX, TEMPLATES],
};
/** Function id → a module it does run, so the check is shown to see one. */
const MUST_BUNDLE: Record<string, string> = { actOnDossier: TABLE, getServiceIndex: SERVICE_INDEX };

const entryOf = (id: string): string => {
  const entry = [...ROUTE_META, ...FUNCTIONS].find((f) => f.id === id)?.entry;
  if (!entry) throw new Error(`no function ${id}`);
  return entry;
};

/** Own-code inputs that put bytes into each entry's bundle. */
async function bundledInputs(ids: readonly string[]): Promise<Record<string, string[]>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(ids.map((id) => [id, entryOf(id)])),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['module', 'main'],
    loader: { '.ttf': 'binary' },
    outdir: path.join(ROOT, 'cdk.out', 'route-chains-test'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = (result.metafile as Metafile).outputs;
  return Object.fromEntries(
    ids.map((id) => {
      const output = Object.entries(outputs).find(([file]) => path.basename(file) === `${id}.js`);
      if (!output) throw new Error(`no output for ${id}`);
      const inputs = Object.entries(output[1].inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0);
      return [id, inputs.map(([input]) => input)];
    }),
  );
}

describe('own-code chains cut from the route bundles (issue 14)', () => {
  it('keeps each function free of the modules its use case never runs', async () => {
    const ids = [...Object.keys(MUST_NOT_BUNDLE), ...Object.keys(MUST_BUNDLE)];
    const inputs = await bundledInputs(ids);
    const found = Object.entries(MUST_NOT_BUNDLE).flatMap(([id, modules]) =>
      modules.filter((m) => inputs[id]!.includes(m)).map((m) => `${id} bundles ${m}`),
    );
    expect(found).toEqual([]);
    for (const [id, module] of Object.entries(MUST_BUNDLE)) expect(inputs[id]).toContain(module);
  }, 120_000);
});

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
import { FUNCTIONS } from '../../../shared/api/functions';
import { ROUTE_META } from '../../../shared/api/route-meta';
import { bundledInputs } from '../deployed-bundle';

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

describe('own-code chains cut from the route bundles (issue 14)', () => {
  it('keeps each function free of the modules its use case never runs', async () => {
    const ids = [...Object.keys(MUST_NOT_BUNDLE), ...Object.keys(MUST_BUNDLE)];
    const inputs = await bundledInputs(Object.fromEntries(ids.map((id) => [id, entryOf(id)])), {
      withBytes: true,
    });
    const found = Object.entries(MUST_NOT_BUNDLE).flatMap(([id, modules]) =>
      modules.filter((m) => inputs[id]!.includes(m)).map((m) => `${id} bundles ${m}`),
    );
    expect(found).toEqual([]);
    for (const [id, module] of Object.entries(MUST_BUNDLE)) expect(inputs[id]).toContain(module);
  }, 120_000);
});

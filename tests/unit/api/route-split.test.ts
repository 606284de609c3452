/**
 * Issue 14 §1: route metadata apart from schemas, one contract per route, and the full table
 * derived from the two. What each test proves:
 * - the join is complete both ways (a route without a contract, or a contract module nobody
 *   lists or whose route is gone, fails here, not in some handler at run time);
 * - every metadata module (shared/api/route-meta/<id>.ts) is one route of ROUTE_META, named by its id;
 * - route-meta.ts, which CDK and the offline gateway read, bundles neither zod nor a schema module;
 * - a handler's bundle holds its own contract and its own metadata module and no other route's,
 *   nor the full table, ROUTE_META or the OpenAPI builder (the esbuild metafile of a real bundle,
 *   as CDK builds it, unminified for speed).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTRACTS } from '../../../shared/api/contracts';
import { ROUTE_META } from '../../../shared/api/route-meta';
import { ROUTES } from '../../../shared/api/routes';
import { bundledInputs } from '../deployed-bundle';

const ROOT = path.resolve(__dirname, '../../..');
const CONTRACTS_DIR = path.join(ROOT, 'shared/api/contracts');
const META_DIR = path.join(ROOT, 'shared/api/route-meta');
/** Modules of the contracts folder that are not one route's contract. */
const NOT_CONTRACTS = new Set(['contract.ts', 'index.ts', 'problem-responses.ts', 'attachment-responses.ts']);

describe('route metadata and contracts (issue 14 §1)', () => {
  it('joins every route with exactly one contract, and every contract module with a route', () => {
    const metaIds = ROUTE_META.map((m) => m.id).sort();
    expect(Object.keys(CONTRACTS).sort()).toEqual(metaIds);
    for (const [id, contract] of Object.entries(CONTRACTS)) expect(contract.id).toBe(id);
    const files = readdirSync(CONTRACTS_DIR).filter((f) => !NOT_CONTRACTS.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(metaIds);
    expect(ROUTES.map((r) => r.id)).toEqual(ROUTE_META.map((m) => m.id));
    for (const route of ROUTES) expect(route.responses).toBe(CONTRACTS[route.id].responses);
  });

  it('keeps the metadata of each route in its own module, named by its id', async () => {
    const metaIds = ROUTE_META.map((m) => m.id);
    const files = readdirSync(META_DIR).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...metaIds].sort());
    for (const id of metaIds) {
      const module = (await import(path.join(META_DIR, `${id}.ts`))) as Record<string, unknown>;
      expect(module[`${id}Meta`]).toBe(ROUTE_META.find((m) => m.id === id));
    }
  });

  it('keeps handlers to their own contract, and the metadata free of zod and schemas', async () => {
    const entries = {
      meta: 'shared/api/route-meta.ts',
      trackDossier: 'functions/dossiers/track.ts',
      submitDossier: 'functions/dossiers/submit.ts',
      createAttachment: 'functions/attachments/create.ts',
      createWebhookSubscription: 'functions/webhooks/create.ts',
    };
    const inputs = await bundledInputs(entries, { withBytes: false });

    expect(inputs.meta!.filter((i) => /node_modules\/zod\/|shared\/api\/schemas\//.test(i))).toEqual([]);
    for (const id of Object.keys(entries).filter((e) => e !== 'meta')) {
      // Its own contract only; the shared building blocks (problem and attachment responses) may come along.
      const contracts = inputs[id]!.filter((i) => i.startsWith('shared/api/contracts/'))
        .map((c) => path.basename(c))
        .filter((c) => !NOT_CONTRACTS.has(c));
      expect(contracts).toEqual([`${id}.ts`]);
      // Its own metadata module only: another route's, or ROUTE_META (all of them), fails here.
      const metas = inputs[id]!.filter((i) => i.startsWith('shared/api/route-meta'));
      expect(metas).toEqual([`shared/api/route-meta/${id}.ts`]);
      expect(inputs[id]).not.toContain('shared/api/routes.ts');
      expect(inputs[id]).not.toContain('shared/api/openapi.ts');
    }
  }, 30_000);
});

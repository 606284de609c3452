/**
 * A use case's answer is typed by its route's documented responses (RouteResult in
 * shared/platform/http.ts): `npm run typecheck` fails on a view that drifts from its schema. The
 * `@ts-expect-error` lines below are the proof: if either compiled, tsc would fail on the directive.
 */
import { getDossierContract } from '../../../shared/api/contracts/getDossier';
import { getDossierMeta } from '../../../shared/api/route-meta/getDossier';
import { httpHandler } from '../../../shared/platform/http';

describe('platform/http › RouteResult', () => {
  it('takes only a documented success status with the body its schema describes', () => {
    // @ts-expect-error a body that is not the documented dossier view
    const wrongBody = httpHandler(getDossierMeta, getDossierContract, async () => ({
      status: 200,
      body: { code: 1 },
    }));
    // @ts-expect-error 201 is not a status getDossier documents
    const wrongStatus = httpHandler(getDossierMeta, getDossierContract, async () => ({
      status: 201,
      body: {},
    }));
    expect([wrongBody, wrongStatus].every((h) => typeof h === 'function')).toBe(true);
  });
});

/**
 * The steps a test that starts its own offline cloud repeats: a demo user's credentials on that
 * cloud, moving its clock, and taking an action at the dossier's current version.
 */
import { api, type ApiResponse } from './api';
import type { CloudHandle } from './offline';

type Action = Record<string, unknown>;

/** `cloud` is read at each call: the handle exists only once the test's beforeAll has started it. */
export function cloudSteps(cloud: () => CloudHandle) {
  const as = (user: string) => ({ token: cloud().tokens[user], baseUrl: cloud().baseUrl });

  /** Frozen: the test's instants are exact, so working-time arithmetic can be asserted to the ms. */
  async function setClock(iso: string): Promise<void> {
    const res = await api.post('/_local/clock', {
      baseUrl: cloud().baseUrl,
      body: { now: iso, frozen: true },
    });
    expect(res.status).toBe(200);
  }

  async function act(user: string, code: string, action: Action): Promise<ApiResponse> {
    const current = await api.get(`/v1/dossiers/${code}`, as(user));
    expect(current.status).toBe(200);
    return api.post(`/v1/dossiers/${code}/actions`, {
      ...as(user),
      body: { ...action, expectedVersion: current.body.version },
    });
  }

  /** As act, and the failure names the action, the user and the answer. */
  async function actOk(user: string, code: string, action: Action) {
    const res = await act(user, code, action);
    if (res.status !== 200)
      throw new Error(`${String(action.action)} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  return { as, setClock, act, actOk };
}

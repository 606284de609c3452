/**
 * API calls per tenant and month, counted from the offline gateway's access log through the same
 * subscriber function as in AWS (docs/usage.md): a tenant's staff calls and the public calls naming
 * it show in its month, split by caller, with the 4xx apart; another tenant's month does not move;
 * the operator's own calls count for nobody. The counter runs in batches every few seconds: the
 * test polls, bounded. Reads go through the operator's route, whose calls are not counted.
 */
import { api } from './helpers/api';

const month = () => {
  const vn = new Date(Date.now() + 7 * 3600_000);
  return `${vn.getUTCFullYear()}-${String(vn.getUTCMonth() + 1).padStart(2, '0')}`;
};
const OTHER = { provinceCode: 'H94', id: 'h94' };

const usageOf = async (tenant: string) => {
  const res = await api.get(`/v1/operator/tenants/${tenant}/usage?month=${month()}`, { as: 'operator' });
  expect(res.status).toBe(200);
  return res.body;
};

async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, within = 30_000): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  const created = await api.post('/v1/operator/tenants', {
    as: 'operator',
    body: {
      provinceCode: OTHER.provinceCode,
      name: 'Tỉnh Đếm Lượt Gọi',
      contact: { name: 'Văn phòng UBND', email: 'vp@h94.example.vn' },
      admin: { email: 'quantri@h94.example.vn' },
    },
  });
  expect(created.status).toBe(201);
}, 60_000);

describe('API calls per tenant and month (integration)', () => {
  it('counts a tenant’s staff and public calls from the access log, and not another tenant’s', async () => {
    const tenant = 'demo';
    const before = await usageOf(tenant);
    const otherBefore = await usageOf(OTHER.id);
    expect(typeof before.apiCalls).toBe('number');

    const STAFF = 4;
    const PUBLIC = 3;
    for (let i = 0; i < STAFF; i += 1)
      expect((await api.get('/v1/work-queue', { as: 'tiepnhan.binhthanh' })).status).toBe(200);
    for (let i = 0; i < PUBLIC; i += 1)
      expect((await api.get(`/v1/public/${tenant}/agencies`)).status).toBe(200);
    // A refused call is a call too, counted apart.
    const refused = await api.get('/v1/dossiers/KHONGCO', { as: 'tiepnhan.binhthanh' });
    expect(refused.status).toBe(400);

    const after = await eventually(
      () => usageOf(tenant),
      (u) =>
        u.apiCallsDetail.staff >= before.apiCallsDetail.staff + STAFF + 1 &&
        u.apiCallsDetail.public >= before.apiCallsDetail.public + PUBLIC,
    );
    // Other tests use the demo tenant at the same time: at least ours.
    expect(after.apiCalls).toBeGreaterThanOrEqual(before.apiCalls + STAFF + PUBLIC + 1);
    expect(after.apiCallsDetail.clientErrors).toBeGreaterThanOrEqual(before.apiCallsDetail.clientErrors + 1);
    expect(after.apiCalls).toBe(
      after.apiCallsDetail.public + after.apiCallsDetail.staff + after.apiCallsDetail.agencySystem,
    );

    // Nobody called as or for the other tenant; the operator's reads of it count for nobody.
    expect(await usageOf(OTHER.id)).toEqual(otherBefore);
    expect(otherBefore.apiCalls).toBe(0);
  }, 60_000);
});

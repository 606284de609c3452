import { TenantRecordEntity } from '../../../shared/data/table';
import { SORT_KEY_PREFIX } from '../../../shared/data/keys';
import type { TenantStatus } from '../../../shared/domain/tenants/tenant';
import {
  TENANT_REGISTRY_PARTITION,
  TenantSuspendedError,
  tenantGate,
  tenantRegistryKey,
} from '../../../shared/platform/tenant-gate';

function gateWith(statuses: Record<string, TenantStatus | undefined>, ttlMs = 30_000) {
  let now = 1_000_000;
  const reads: string[] = [];
  const gate = tenantGate({
    ttlMs,
    now: () => now,
    lookup: async (tenant) => {
      reads.push(tenant);
      return statuses[tenant];
    },
  });
  return { gate, reads, advance: (ms: number) => (now += ms) };
}

describe('platform/tenant-gate (suspension, cached)', () => {
  it('serves an active tenant and one without a registry record; refuses a suspended one with 403', async () => {
    const { gate } = gateWith({ h98: 'active', h97: 'suspended' });
    await expect(gate.requireServed('h98')).resolves.toBeUndefined();
    await expect(gate.requireServed('demo')).resolves.toBeUndefined();
    const refused = gate.requireServed('h97');
    await expect(refused).rejects.toBeInstanceOf(TenantSuspendedError);
    await expect(refused).rejects.toMatchObject({ status: 403, kind: 'tenant-suspended' });
  });

  it('reads the status once per TTL, so most requests cost no read; a change shows after the TTL', async () => {
    const statuses: Record<string, TenantStatus> = { h98: 'active' };
    const { gate, reads, advance } = gateWith(statuses, 30_000);
    for (let i = 0; i < 5; i += 1) await gate.requireServed('h98');
    expect(reads).toEqual(['h98']);
    statuses.h98 = 'suspended';
    advance(29_999);
    await expect(gate.requireServed('h98')).resolves.toBeUndefined(); // stale, within the TTL
    advance(2);
    await expect(gate.requireServed('h98')).rejects.toBeInstanceOf(TenantSuspendedError);
    expect(reads).toEqual(['h98', 'h98']);
  });

  it('forgets on demand (the operator’s own container answers the change at once)', async () => {
    const statuses: Record<string, TenantStatus> = { h98: 'active' };
    const { gate } = gateWith(statuses);
    await gate.requireServed('h98');
    statuses.h98 = 'suspended';
    gate.forget('h98');
    await expect(gate.requireServed('h98')).rejects.toBeInstanceOf(TenantSuspendedError);
  });

  it('never reads for the platform tenant', async () => {
    const { gate, reads } = gateWith({});
    await gate.requireServed('platform');
    expect(reads).toEqual([]);
  });

  it('serves (fails open) when the status cannot be read, and remembers nothing', async () => {
    const errors: string[] = [];
    let calls = 0;
    const gate = tenantGate({
      ttlMs: 30_000,
      lookup: async () => {
        calls += 1;
        throw new Error('throttled');
      },
      onLookupError: (_e, tenant) => errors.push(tenant),
    });
    await gate.requireServed('h98');
    await gate.requireServed('h98');
    expect(calls).toBe(2);
    expect(errors).toEqual(['h98', 'h98']);
  });

  it('reads the same key the registry entity writes', () => {
    expect(TENANT_REGISTRY_PARTITION).toBe('PLATFORM#TENANTS');
    expect(tenantRegistryKey('h98')).toEqual({
      PK: TENANT_REGISTRY_PARTITION,
      SK: `${SORT_KEY_PREFIX.tenantRecord}h98`,
    });
    expect(
      (TenantRecordEntity as unknown as { computeKey: (k: { id: string }) => unknown }).computeKey({
        id: 'h98',
      }),
    ).toEqual(tenantRegistryKey('h98'));
  });
});

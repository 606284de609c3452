/**
 * Idempotency-Key on a receipt holder's route (issue 11 §7): the public route's claim names no
 * caller, so the use case rescopes it to the path's tenant and the dossier whose secret was given.
 */
import { receiptHolderClaim } from '../../../shared/domain/citizens/receipt-idempotency';
import { claimOf } from '../../../shared/domain/idempotency';

const publicClaim = (key: string, body: unknown = { fileName: 'a.pdf' }) =>
  claimOf({ route: 'createAttachmentByReceipt', tenant: '-', caller: '-', key, body });

describe('receiptHolderClaim', () => {
  it('puts the key in the tenant of the path, keeping route and body', () => {
    const claim = publicClaim('k-1');
    const scoped = receiptHolderClaim(claim, 'demo', 'H99.30.01-261201-0001');
    expect(scoped).toMatchObject({ route: claim.route, tenant: 'demo', bodyHash: claim.bodyHash });
    expect(scoped.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(scoped.keyHash).not.toBe(claim.keyHash);
  });

  it('gives two dossiers’ holders who pick the same key two keys, and one holder the same key twice', () => {
    const a = receiptHolderClaim(publicClaim('k-1'), 'demo', 'H99.30.01-261201-0001');
    const b = receiptHolderClaim(publicClaim('k-1'), 'demo', 'H99.30.01-261201-0002');
    const again = receiptHolderClaim(publicClaim('k-1'), 'demo', 'H99.30.01-261201-0001');
    expect(a.keyHash).not.toBe(b.keyHash);
    expect(again).toEqual(a);
  });
});

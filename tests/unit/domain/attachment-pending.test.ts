import {
  MAX_PENDING_UPLOADS,
  PENDING_UPLOAD_SECONDS,
  isExpiredPending,
  pendingExpiresAt,
  pendingLimitViolation,
} from '../../../shared/domain/attachments/pending';

const asked = new Date('2027-02-05T08:00:00Z');
const later = (seconds: number) => new Date(asked.getTime() + seconds * 1000);
const pending = {
  status: 'pending' as const,
  expiresAt: pendingExpiresAt(asked),
  attachment: { createdAt: '' },
};

describe('domain/attachments/pending', () => {
  it('gives an upload a day, in the epoch seconds the table TTL reads', () => {
    expect(PENDING_UPLOAD_SECONDS).toBe(86_400);
    expect(pendingExpiresAt(asked)).toBe(asked.getTime() / 1000 + 86_400);
  });

  it('holds a pending upload live until its expiry, and gone from that second on', () => {
    expect(isExpiredPending(pending, later(86_399))).toBe(false);
    expect(isExpiredPending(pending, later(86_400))).toBe(true);
  });

  it('never expires a confirmed scan', () => {
    expect(isExpiredPending({ ...pending, status: 'stored' }, later(10 * 86_400))).toBe(false);
  });

  it('expires a record written before uploads expired a day after its creation', () => {
    const legacy = { status: 'pending' as const, attachment: { createdAt: '2027-02-05T15:00:00+07:00' } };
    expect(isExpiredPending(legacy, later(86_399))).toBe(false);
    expect(isExpiredPending(legacy, later(86_400))).toBe(true);
  });

  it(`lets a dossier hold ${MAX_PENDING_UPLOADS} pending uploads and refuses one more, naming the rule`, () => {
    expect(pendingLimitViolation(MAX_PENDING_UPLOADS - 1)).toBeUndefined();
    const violation = pendingLimitViolation(MAX_PENDING_UPLOADS);
    expect(violation?.rule).toBe('pending-upload-limit');
    expect(violation?.message).toMatch(/tối đa 20.* \/ .*at most 20/);
  });
});

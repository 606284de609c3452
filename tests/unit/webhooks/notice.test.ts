/**
 * What a webhook notice says (shared/domain/webhooks/notice.ts): its id is deterministic (the same
 * round of the same delivery, the same disabling, give the same id, so the conditional write makes
 * one), a new round of a delivery may notify again, and nothing but ids, codes and an error class.
 */
import { deadNoticeOf, disabledNoticeOf, NOTICE_ID_PATTERN } from '../../../shared/domain/webhooks/notice';

const SUB = '01KB0000000000000000000000';
const delivery = {
  subscriptionId: SUB,
  id: '20261201T030000000Z-AAAAAAAAAAAAAAAAAAAAAA',
  generation: 0,
  eventType: 'dossier.received',
  dossierCode: 'C-1',
  attempts: 14,
  body: '{"applicant":{"fullName":"Nguyễn Văn A"}}',
  attemptLog: [{ error: 'timeout' }, { status: 503, error: 'http-503' }],
};

describe('webhook notices', () => {
  it('a dead delivery: one id per round, the last error class, never the body', () => {
    const a = deadNoticeOf(delivery, 'A', 1);
    expect(deadNoticeOf(delivery, 'A', 2).id).toBe(a.id);
    expect(deadNoticeOf({ ...delivery, generation: 1 }, 'A', 2).id).not.toBe(a.id);
    expect(a.id).toMatch(NOTICE_ID_PATTERN);
    expect(a).toMatchObject({ kind: 'delivery-dead', lastError: 'http-503', attempts: 14, agency: 'A' });
    expect(JSON.stringify(a)).not.toContain('Nguyễn');
    expect(deadNoticeOf({ ...delivery, attemptLog: [] }, 'A', 1)).not.toHaveProperty('lastError');
  });

  it('a disabling: one id per version it makes, with the reason and since when', () => {
    const n = disabledNoticeOf({ id: SUB, agency: 'A', version: 3 }, 'failing', 5, 9);
    expect(n).toEqual({
      kind: 'subscription-disabled',
      id: `disabled-${SUB}-v4`,
      at: 9,
      subscriptionId: SUB,
      agency: 'A',
      reason: 'failing',
      since: 5,
    });
    expect(n.id).toMatch(NOTICE_ID_PATTERN);
    expect(disabledNoticeOf({ id: SUB, agency: 'A', version: 3 }, 'gone', 9, 9).id).toBe(n.id);
  });
});

/**
 * The receipt secret (issue 11 §7): its format and strength, forgiving input, the keyed hash bound
 * to its tenant and dossier, the check, the receipt holder's view (no contact data), and form 01
 * printing it with its label and warning.
 */
import {
  CROCKFORD_ALPHABET,
  newReceiptSecret,
  normalizeReceiptSecret,
  receiptHashVersion,
  receiptSecretHash,
  receiptSecretMatches,
  SECRET_BITS,
} from '../../../shared/domain/citizens/receipt-secret';
import { receiptHolderView } from '../../../shared/domain/citizens/receipt-view';
import { buildForm } from '../../../shared/domain/forms';
import { deriveFieldKeys } from '../../../shared/domain/personal-data/seal';
import { maskName } from '../../../shared/domain/text';
import { INPUT } from '../../fixtures/forms/dossier';

const PRINTED = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const keys = deriveFieldKeys(Buffer.alloc(32, 7), 1);
const otherKeys = deriveFieldKeys(Buffer.alloc(32, 8), 1);
const where = { tenant: 'demo', code: '000.30.01.H99-261201-0007' };

describe('the receipt secret', () => {
  it('is two groups of five Crockford characters: 50 bits, no I, L, O or U', () => {
    expect(SECRET_BITS).toBeGreaterThanOrEqual(50);
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
    for (let i = 0; i < 200; i += 1) expect(newReceiptSecret()).toMatch(PRINTED);
  });

  it('uses every character of the alphabet evenly (5 random bits each, no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3200; i += 1)
      for (const ch of newReceiptSecret().replace('-', '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 32,000 draws, 1,000 expected per character: ±20 % is > 6 standard deviations.
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(200);
  });

  it('maps bytes to characters by their low five bits', () => {
    const bytes = Uint8Array.from([0, 1, 31, 32, 255, 10, 17, 18, 20, 27]);
    expect(newReceiptSecret(() => bytes)).toBe('01Z0Z-AHJMV');
  });

  it('forgives how it is typed: case, spaces and dashes, I/L for 1 and O for 0', () => {
    expect(normalizeReceiptSecret('7kx2m-q9d4t')).toBe('7KX2MQ9D4T');
    expect(normalizeReceiptSecret(' 7KX2M Q9D4T ')).toBe('7KX2MQ9D4T');
    expect(normalizeReceiptSecret('OIL2M-Q9D4T')).toBe('0112MQ9D4T');
    for (const bad of ['', '7KX2M', '7KX2M-Q9D4TT', '7KX2U-Q9D4T', '7KX2M_Q9D4T', 'x'.repeat(100)])
      expect(normalizeReceiptSecret(bad)).toBeUndefined();
  });

  it('is checked by a keyed hash bound to its tenant, its dossier and the key', () => {
    const secret = newReceiptSecret();
    const stored = receiptSecretHash(keys, where.tenant, where.code, secret);
    expect(stored).toMatch(/^r1\.[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(secret.replace('-', ''));
    expect(receiptHashVersion(stored)).toBe(1);
    expect(receiptSecretMatches(keys, where, stored, secret)).toBe(true);
    expect(receiptSecretMatches(keys, where, stored, secret.toLowerCase().replace('-', ' '))).toBe(true);
    // Another secret, another dossier, another tenant, another key: no.
    expect(receiptSecretMatches(keys, where, stored, newReceiptSecret())).toBe(false);
    expect(
      receiptSecretMatches(keys, { ...where, code: `${where.code.slice(0, -1)}8` }, stored, secret),
    ).toBe(false);
    expect(receiptSecretMatches(keys, { ...where, tenant: 'h96' }, stored, secret)).toBe(false);
    expect(receiptSecretMatches(otherKeys, where, stored, secret)).toBe(false);
    // Nothing stored, garbage stored, garbage typed: no, and no throw.
    for (const [s, t] of [
      ['', secret],
      ['r1.short', secret],
      [stored, ''],
      [stored, 'not a secret at all'],
    ])
      expect(receiptSecretMatches(keys, where, s as string, t as string)).toBe(false);
  });

  it('does the same work for a malformed, a wrong and a right secret (one HMAC, one compare)', () => {
    const secret = newReceiptSecret();
    const stored = receiptSecretHash(keys, where.tenant, where.code, secret);
    const time = (typed: string) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 2000; i += 1) receiptSecretMatches(keys, where, stored, typed);
      return Number(process.hrtime.bigint() - start);
    };
    // Rounds interleaved, the fastest of each kind kept: load on the machine slows all three alike.
    // Within a factor of 3 (a shortcut skipping the HMAC for a malformed input would be ~10× faster).
    const best = { right: Infinity, wrong: Infinity, malformed: Infinity };
    for (let round = 0; round < 7; round += 1) {
      best.right = Math.min(best.right, time(secret));
      best.wrong = Math.min(best.wrong, time(newReceiptSecret()));
      best.malformed = Math.min(best.malformed, time('x'));
    }
    const { right, wrong, malformed } = best;
    expect(Math.max(right, wrong, malformed) / Math.min(right, wrong, malformed)).toBeLessThan(3);
  });
});

describe('what the receipt secret shows', () => {
  it('is the full view without the contact data: the applicant masked, the receipt too', () => {
    const view = receiptHolderView(INPUT.dossier, INPUT.agencies);
    expect(view.applicant).toEqual({ kind: 'citizen', name: maskName(INPUT.dossier.applicant.name) });
    const text = JSON.stringify(view);
    for (const personal of [
      INPUT.dossier.applicant.idNumber,
      INPUT.dossier.applicant.phone,
      INPUT.dossier.applicant.address,
      INPUT.dossier.applicant.email as string,
      INPUT.dossier.applicant.name,
    ])
      expect(text).not.toContain(personal);
    expect(view).toMatchObject({ code: INPUT.dossier.code, status: INPUT.dossier.status });
    expect(view.steps.length).toBe(INPUT.dossier.steps.length);
  });
});

describe('form 01 and the secret', () => {
  const texts = (secret?: string) =>
    buildForm('01', { ...INPUT, ...(secret ? { receiptSecret: secret } : {}) })
      .blocks.flatMap((b) => (b.kind === 'text' ? [`${b.label ?? ''}${b.text}`] : []))
      .join('\n');

  it('prints the secret, labelled, with what it allows and to keep it private', () => {
    const text = texts('7KX2M-Q9D4T');
    expect(text).toContain('Mã bí mật tra cứu: 7KX2M-Q9D4T');
    expect(text).toContain('xem đầy đủ tình trạng hồ sơ, nộp bổ sung hoặc rút hồ sơ');
    expect(text).toContain('giữ kín');
  });

  it('prints nothing of it for a dossier made before secrets existed', () => {
    expect(texts()).not.toContain('Mã bí mật');
  });
});

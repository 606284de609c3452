/**
 * Field sealing (shared/domain/personal-data/seal.ts): a value opens only with its tenant's key and
 * under the exact tenant, record and field it was sealed for; a flipped bit anywhere fails; values
 * sealed under an older key version still open after rotation; the ID number's keyed hash is
 * stable, ignores formatting, and differs between tenants.
 */
import {
  deriveFieldKeys,
  idNumberHash,
  isSealed,
  openApplicant,
  openValue,
  SealBrokenError,
  sealApplicant,
  sealedKeyVersion,
  sealValue,
} from '../../../shared/domain/personal-data/seal';

const keyA = deriveFieldKeys(Buffer.alloc(32, 1), 1);
const keyB = deriveFieldKeys(Buffer.alloc(32, 2), 1);
const where = { tenant: 'qt', record: '000.00.01.H99-261201-0001', field: 'applicant.idNumber' };

describe('sealValue / openValue', () => {
  it('round-trips, in the compact versioned format, a new IV each time', () => {
    const a = sealValue(keyA, where, '079123456789');
    const b = sealValue(keyA, where, '079123456789');
    expect(a).toMatch(/^s1\.1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('079123456789');
    expect(isSealed(a)).toBe(true);
    expect(sealedKeyVersion(a)).toBe(1);
    expect(openValue(keyA, where, a)).toBe('079123456789');
    expect(openValue(keyA, where, sealValue(keyA, where, 'Số 1, đường Lê Lợi'))).toBe('Số 1, đường Lê Lợi');
  });

  it('a clear value never passes for a sealed one', () => {
    for (const clear of ['079123456789', 's1.address street', 's1.1.short.x', ''])
      expect(isSealed(clear)).toBe(false);
  });

  it('fails on a tampered ciphertext, IV or tag', () => {
    const sealed = sealValue(keyA, where, '079123456789');
    const [f, v, iv, body] = sealed.split('.');
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    for (const tampered of [
      [f, v, flip(iv, 3), body].join('.'),
      [f, v, iv, flip(body, 2)].join('.'),
      [f, v, iv, flip(body, body.length - 3)].join('.'),
    ])
      expect(() => openValue(keyA, where, tampered)).toThrow(SealBrokenError);
  });

  it('fails under another tenant, another dossier, another field, another key', () => {
    const sealed = sealValue(keyA, where, '079123456789');
    expect(() => openValue(keyA, { ...where, tenant: 'hn' }, sealed)).toThrow(SealBrokenError);
    expect(() => openValue(keyA, { ...where, record: '000.00.01.H99-261201-0002' }, sealed)).toThrow(
      SealBrokenError,
    );
    expect(() => openValue(keyA, { ...where, field: 'applicant.phone' }, sealed)).toThrow(SealBrokenError);
    expect(() => openValue(keyB, where, sealed)).toThrow(SealBrokenError);
  });

  it('the error names where, never the value', () => {
    const sealed = sealValue(keyA, where, '079123456789');
    try {
      openValue(keyB, where, sealed);
      throw new Error('opened');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('079123456789');
      expect(String((error as Error).message)).toContain('applicant.idNumber');
    }
  });
});

describe('key rotation', () => {
  it('values sealed under v1 open after v2 becomes current; new ones carry v2', () => {
    const v1 = deriveFieldKeys(Buffer.alloc(32, 1), 1);
    const v2 = deriveFieldKeys(Buffer.alloc(32, 9), 2);
    const ring = new Map([
      [1, v1],
      [2, v2],
    ]);
    const keysOf = (v: number) => {
      const k = ring.get(v);
      if (!k) throw new Error(`no key v${v}`);
      return k;
    };
    const applicant = {
      name: 'A',
      idNumber: '079123456789',
      phone: '0912345678',
      address: 'x',
      email: 'a@b.vn',
    };
    const old = sealApplicant(v1, where, applicant);
    const fresh = sealApplicant(v2, where, applicant);
    expect(sealedKeyVersion(old.phone)).toBe(1);
    expect(sealedKeyVersion(fresh.phone)).toBe(2);
    expect(openApplicant(keysOf, where, old)).toEqual(applicant);
    expect(openApplicant(keysOf, where, fresh)).toEqual(applicant);
    // A mixed applicant (one field re-sealed after rotation) opens field by field.
    expect(openApplicant(keysOf, where, { ...old, phone: fresh.phone })).toEqual(applicant);
    // A value claiming a version its key does not have fails.
    expect(() => openValue(v2, where, old.phone)).toThrow(SealBrokenError);
  });

  it('sealing twice keeps an already sealed field as it is; the name stays clear', () => {
    const applicant = { name: 'Nguyễn Văn A', idNumber: '079123456789', phone: '0912345678', address: 'x' };
    const once = sealApplicant(keyA, where, applicant);
    expect(sealApplicant(keyA, where, once)).toEqual(once);
    expect(once.name).toBe('Nguyễn Văn A');
    expect(once).not.toHaveProperty('email');
  });
});

describe('idNumberHash', () => {
  it('is stable, ignores spaces and dashes, and is tenant-specific', () => {
    const h = idNumberHash(keyA, '079123456789');
    expect(idNumberHash(keyA, '079 123 456 789')).toBe(h);
    expect(idNumberHash(keyA, '0791-2345-6789')).toBe(h);
    expect(h).toMatch(/^h1\.[A-Za-z0-9_-]{43}$/);
    expect(h).not.toContain('079123456789');
    expect(idNumberHash(keyB, '079123456789')).not.toBe(h);
    expect(idNumberHash(keyA, '079123456788')).not.toBe(h);
  });

  it('uses a subkey apart from the sealing key', () => {
    expect(keyA.hash.equals(keyA.encryption)).toBe(false);
  });
});

import fc from 'fast-check';
import { canonicalJson, claimOf, judgeKey, type KeyRecord } from '../../../shared/domain/idempotency';

const call = (over: Partial<Parameters<typeof claimOf>[0]> = {}) => ({
  route: 'submitDossier',
  tenant: 'demo',
  caller: 'staff-1',
  key: 'quay-1-0001',
  body: { procedureCode: '1.004227', applicant: { name: 'An', phone: '0912' } },
  ...over,
});

describe('domain/idempotency', () => {
  describe('canonicalJson', () => {
    it('sorts object keys at every level and keeps array order', () => {
      expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
        '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
      );
    });

    it('leaves out absent members as JSON does, and writes an absent array element as null', () => {
      expect(canonicalJson({ a: undefined, b: [undefined, 'x'] })).toBe('{"b":[null,"x"]}');
      expect(canonicalJson(undefined)).toBe('null');
    });

    it('is valid JSON that parses back to the same value, whatever the key order', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const text = canonicalJson(value);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
          const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).reverse())
              : v,
          ) as unknown;
          expect(canonicalJson(reversed)).toBe(text);
        }),
      );
    });
  });

  describe('claimOf', () => {
    it('gives a retry with the same body in another key order the same key and body hashes', () => {
      const first = claimOf(call());
      const retry = claimOf(
        call({ body: { applicant: { phone: '0912', name: 'An' }, procedureCode: '1.004227' } }),
      );
      expect(retry).toEqual(first);
      expect(first.keyHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('scopes the key by caller: the same key from another caller is another key', () => {
      expect(claimOf(call({ caller: 'staff-2' })).keyHash).not.toBe(claimOf(call()).keyHash);
    });

    it('cannot be fooled by moving characters between caller and key', () => {
      expect(claimOf(call({ caller: 'ab', key: 'c-012345' })).keyHash).not.toBe(
        claimOf(call({ caller: 'a', key: 'bc-012345' })).keyHash,
      );
    });

    it('tells another body apart, and treats no body as null', () => {
      expect(claimOf(call({ body: { procedureCode: 'x' } })).bodyHash).not.toBe(claimOf(call()).bodyHash);
      expect(claimOf(call({ body: undefined })).bodyHash).toBe(claimOf(call({ body: null })).bodyHash);
    });
  });

  describe('judgeKey', () => {
    const claim = claimOf(call());
    const record = (over: Partial<KeyRecord> = {}): KeyRecord => ({
      bodyHash: claim.bodyHash,
      result: '{"code":"X-1"}',
      expiresAt: 1_000,
      ...over,
    });

    it('lets a key nobody took through', () => {
      expect(judgeKey(claim, undefined, 500)).toEqual({ kind: 'new' });
    });

    it('answers a retry with the same body with the stored result', () => {
      expect(judgeKey(claim, record(), 999)).toEqual({ kind: 'replay', result: '{"code":"X-1"}' });
    });

    it('refuses the key with another body', () => {
      expect(judgeKey(claim, record({ bodyHash: 'other' }), 999)).toEqual({ kind: 'mismatch' });
    });

    it('treats a record past its expiry as gone, even before TTL deletes it', () => {
      expect(judgeKey(claim, record(), 1_000)).toEqual({ kind: 'new' });
      expect(judgeKey(claim, record({ bodyHash: 'other' }), 2_000)).toEqual({ kind: 'new' });
    });
  });
});

/** Our signatures, checked by the official Standard Webhooks verifier (the `standardwebhooks` package). */
import { Webhook } from 'standardwebhooks';
import {
  newWebhookSecret,
  secretKey,
  signatureHeaders,
  WEBHOOK_SECRET_PATTERN,
} from '../../../shared/domain/webhooks/signature';
import { rotate, validSecrets, ROTATION_GRACE } from '../../../shared/domain/webhooks/secrets';

const body = JSON.stringify({ type: 'dossier.received', data: { code: '000.30.01.H99-261201-0001' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('webhook secrets', () => {
  it('are whsec_ and the base64 of 32 random bytes, different each time', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).toMatch(WEBHOOK_SECRET_PATTERN);
    expect(a).not.toBe(b);
    expect(secretKey(a)).toHaveLength(32);
  });

  it('refuse a secret without the whsec_ prefix', () => {
    expect(() => secretKey('c2VjcmV0')).toThrow(/whsec_/);
  });
});

describe('signatureHeaders', () => {
  it('verifies with the official library', () => {
    const secret = newWebhookSecret();
    const headers = signatureHeaders([secret], 'msg_1', nowSeconds(), body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('during a rotation carries one signature per valid secret, and either secret verifies', () => {
    const old = newWebhookSecret();
    const next = newWebhookSecret();
    const now = Date.now();
    const secrets = validSecrets(rotate({ current: old }, next, now), now);
    expect(secrets).toEqual([next, old]);
    const headers = signatureHeaders(secrets, 'msg_2', nowSeconds(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(old).verify(body, { ...headers })).toBeTruthy();
    expect(new Webhook(next).verify(body, { ...headers })).toBeTruthy();
  });

  it('is rejected for a tampered body', () => {
    const secret = newWebhookSecret();
    const headers = signatureHeaders([secret], 'msg_3', nowSeconds(), body);
    expect(() => new Webhook(secret).verify(body.replace('0001', '0002'), { ...headers })).toThrow();
  });

  it('is rejected under a wrong secret', () => {
    const headers = signatureHeaders([newWebhookSecret()], 'msg_4', nowSeconds(), body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('is rejected when the timestamp is outside the library tolerance (5 min)', () => {
    const secret = newWebhookSecret();
    const old = signatureHeaders([secret], 'msg_5', nowSeconds() - 10 * 60, body);
    const future = signatureHeaders([secret], 'msg_6', nowSeconds() + 10 * 60, body);
    expect(() => new Webhook(secret).verify(body, { ...old })).toThrow(/timestamp/i);
    expect(() => new Webhook(secret).verify(body, { ...future })).toThrow(/timestamp/i);
  });

  it('needs a secret and a whole-second timestamp', () => {
    expect(() => signatureHeaders([], 'msg', 1, body)).toThrow();
    expect(() => signatureHeaders([newWebhookSecret()], 'msg', 1.5, body)).toThrow();
  });
});

describe('rotation', () => {
  it('keeps the old secret valid for the grace period only', () => {
    const now = 1_000_000;
    const rotated = rotate({ current: 'whsec_AAAA' }, 'whsec_BBBB', now, 3600);
    expect(rotated).toEqual({
      current: 'whsec_BBBB',
      previous: 'whsec_AAAA',
      previousExpiresAt: now + 3_600_000,
    });
    expect(validSecrets(rotated, now + 3_599_999)).toEqual(['whsec_BBBB', 'whsec_AAAA']);
    expect(validSecrets(rotated, now + 3_600_000)).toEqual(['whsec_BBBB']);
  });

  it('defaults to 24 h and refuses more than 7 days', () => {
    expect(rotate({ current: 'whsec_A' }, 'whsec_B', 0).previousExpiresAt).toBe(24 * 3600 * 1000);
    expect(() => rotate({ current: 'whsec_A' }, 'whsec_B', 0, ROTATION_GRACE.maxSeconds + 1)).toThrow(
      RangeError,
    );
  });

  it('drops an older previous secret: only two ever sign', () => {
    const first = rotate({ current: 'whsec_A' }, 'whsec_B', 0);
    const second = rotate(first, 'whsec_C', 1000);
    expect(validSecrets(second, 2000)).toEqual(['whsec_C', 'whsec_B']);
  });
});

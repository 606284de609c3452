/**
 * `Idempotency-Key`, the pure part: what identifies a key, what identifies a body, and what a
 * stored key record means for a request that arrives with that key.
 *
 * A key is scoped by route, tenant and caller: two clients that pick the same key never see each
 * other's answers. The record lives in the tenant's partition under the route, so only the caller
 * and the key need hashing; the hash keeps the caller's identity and the key out of the table's
 * key space and bounds its length.
 */
import { createHash } from 'node:crypto';

export interface IdempotencyCall {
  route: string;
  tenant: string;
  /** The authenticated subject; a key is never shared between callers. */
  caller: string;
  key: string;
  /** The request body as the client sent it (parsed JSON), or null. */
  body: unknown;
}

/** What a request with an Idempotency-Key claims: "this key is mine, for this body". */
export interface IdempotencyClaim {
  route: string;
  tenant: string;
  /** SHA-256 of caller and key. */
  keyHash: string;
  /** SHA-256 of the body in canonical JSON. */
  bodyHash: string;
}

/** The stored record of a key: the body it was first used with and the answer it got. */
export interface KeyRecord {
  bodyHash: string;
  /** The use case's result as JSON text, returned as is to every retry. */
  result: string;
  /** Epoch seconds; from then on the key is free again (DynamoDB's TTL deletes late, or never offline). */
  expiresAt: number;
}

export type KeyVerdict =
  | { kind: 'new' }
  | { kind: 'replay'; result: string }
  /** The key was used with another body: refused, never answered with the other body's result. */
  | { kind: 'mismatch' };

/**
 * JSON with object keys sorted at every level, so the same body hashes the same whatever order a
 * client serializes its fields in. Absent (`undefined`) members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function claimOf(call: IdempotencyCall): IdempotencyClaim {
  return {
    route: call.route,
    tenant: call.tenant,
    // A JSON array, so no choice of caller and key can collide with another split of the same text.
    keyHash: sha256(JSON.stringify([call.caller, call.key])),
    bodyHash: sha256(canonicalJson(call.body ?? null)),
  };
}

/** What a request that claims a key gets, given the key's record as stored now. */
export function judgeKey(
  claim: IdempotencyClaim,
  record: KeyRecord | undefined,
  nowEpochSeconds: number,
): KeyVerdict {
  if (!record || record.expiresAt <= nowEpochSeconds) return { kind: 'new' };
  if (record.bodyHash !== claim.bodyHash) return { kind: 'mismatch' };
  return { kind: 'replay', result: record.result };
}

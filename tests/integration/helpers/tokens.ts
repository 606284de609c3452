/**
 * Tokens the local issuer would never mint, signed with its own key (from the cloud's data dir), so
 * a test can show what the gateway's JWT authorizer and the handlers do with them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT, decodeJwt, importJWK, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { sharedCloud } from './offline';

/** Signs `claims` exactly as given (no claim added) with the shared cloud's issuer key. */
export async function signWithIssuerKey(
  claims: JWTPayload,
  dataDir = sharedCloud().dataDir,
): Promise<string> {
  const stored = JSON.parse(await readFile(path.join(dataDir, 'jwt', 'signing-key.json'), 'utf8')) as {
    privateJwk: JWK;
  };
  const key = (await importJWK(stored.privateJwk, 'RS256')) as KeyLike;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: stored.privateJwk.kid, typ: 'JWT' })
    .sign(key);
}

/** A genuine token's claims with some replaced, or removed where the value is `undefined`. */
export function claimsLike(token: string, changes: Record<string, unknown>): JWTPayload {
  const claims: Record<string, unknown> = { ...decodeJwt(token), ...changes };
  for (const [name, value] of Object.entries(changes)) if (value === undefined) delete claims[name];
  return claims as JWTPayload;
}

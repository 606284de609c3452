/**
 * Tokens the local issuer would never mint, signed with its own key (from the cloud's data dir), so
 * a test can show what the gateway's JWT authorizer and the handlers do with them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT, decodeJwt, importJWK, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { tokens } from './api';
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

/**
 * A token for an agency's own system (`agencySystem` role) of the demo tenant, or of `tenant`:
 * the demo admin's genuine claims with the role, agency and name replaced, signed by the issuer.
 */
export async function agencySystemToken(agency: string, tenant?: string): Promise<string> {
  const base = tokens()['quantri'];
  if (!base) throw new Error('no demo admin token to model an agency system token on');
  return signWithIssuerKey(
    claimsLike(base, {
      'custom:roles': 'agencySystem',
      'custom:agency': agency,
      'cognito:username': `hethong.${agency}`,
      ...(tenant === undefined ? {} : { 'custom:tenant': tenant }),
    }),
  );
}

/** A tenant admin's token of another tenant than the demo one. */
export async function otherTenantAdminToken(tenant = 'tinh-khac'): Promise<string> {
  const base = tokens()['quantri'];
  if (!base) throw new Error('no demo admin token to model another tenant’s admin on');
  return signWithIssuerKey(claimsLike(base, { 'custom:tenant': tenant }));
}

/**
 * A local stand-in for the Cognito user pool: it signs ID-token-shaped JWTs (RS256) with the claim
 * names of shared/platform/claims.ts and publishes its JWKS, so the offline gateway can verify
 * tokens the way API Gateway's JWT authorizer does.
 *
 * The key pair lives in the data dir, so a token printed at one start stays valid after a restart.
 * Token times are real time, not the shared domain clock: API Gateway checks `exp` against the real
 * clock, and a test that moves domain time ten working days ahead still holds a valid token.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { JWTClaimValidationFailed } from 'jose/errors';
import { AGENCY_AUDIENCE, CLAIMS } from '../../shared/platform/claims';
import type { AccessTokenRequest } from './oauth-token';

export const LOCAL_CLIENT_ID = 'mot-cua-local-web';
export const TOKEN_LIFETIME_SECONDS = 12 * 3600;
const ALG = 'RS256';

export interface TokenIdentity {
  sub: string;
  username: string;
  name: string;
  tenant: string;
  agency?: string;
  roles: readonly string[];
}

export interface LocalIssuer {
  /** `iss` of the tokens issued from now on. */
  readonly issuer: string;
  readonly clientId: string;
  issueToken(identity: TokenIdentity): Promise<string>;
  /**
   * A client-credentials access token, shaped like Cognito's after the pre-token-generation
   * trigger: `token_use: access`, `client_id`, `scope`, and the trigger's claims (tenant, agency, aud).
   */
  issueAccessToken(request: AccessTokenRequest): Promise<string>;
  jwks(): { keys: JWK[] };
  /** Verifies signature, issuer, audience and times; throws when the token is not acceptable. */
  verify(token: string): Promise<JWTPayload>;
}

export interface LocalIssuerOptions {
  /** Folder for the key pair and the issuer history; created if missing. */
  keyDir: string;
  /** This start's issuer URL, e.g. `http://localhost:3000/_local`. */
  issuerUrl: string;
}

interface StoredKeys {
  privateJwk: JWK;
  /** Every issuer URL this key signed for: with port 0 the URL changes at each start. */
  issuers: string[];
}

export async function createLocalIssuer(options: LocalIssuerOptions): Promise<LocalIssuer> {
  const stored = await loadOrCreateKeys(options.keyDir, options.issuerUrl);
  const privateKey = (await importJWK(stored.privateJwk, ALG)) as KeyLike;
  const publicJwk = toPublicJwk(stored.privateJwk);
  const keySet = createLocalJWKSet({ keys: [publicJwk] });
  const kid = publicJwk.kid as string;
  const acceptedIssuers = stored.issuers;

  return {
    issuer: options.issuerUrl,
    clientId: LOCAL_CLIENT_ID,
    issueToken: async (identity) => {
      const nowSeconds = Math.floor(Date.now() / 1000);
      const claims: JWTPayload = {
        [CLAIMS.subject]: identity.sub,
        [CLAIMS.username]: identity.username,
        [CLAIMS.name]: identity.name,
        [CLAIMS.tenant]: identity.tenant,
        ...(identity.agency ? { [CLAIMS.agency]: identity.agency } : {}),
        // Cognito custom attributes are strings, hence a comma-separated list rather than an array.
        [CLAIMS.roles]: identity.roles.join(','),
        [CLAIMS.tokenUse]: 'id',
        auth_time: nowSeconds,
        jti: randomUUID(),
      };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
        .setIssuer(options.issuerUrl)
        .setAudience(LOCAL_CLIENT_ID)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
    },
    issueAccessToken: async ({ clientId, scopes, claims, lifetimeSeconds }) => {
      const nowSeconds = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        ...claims,
        [CLAIMS.subject]: clientId,
        [CLAIMS.clientId]: clientId,
        [CLAIMS.scope]: scopes.join(' '),
        [CLAIMS.tokenUse]: 'access',
        auth_time: nowSeconds,
        jti: randomUUID(),
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
        .setIssuer(options.issuerUrl)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + lifetimeSeconds)
        .sign(privateKey);
    },
    jwks: () => ({ keys: [publicJwk] }),
    verify: async (token) => {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: [ALG],
        issuer: acceptedIssuers,
        // As the API's authorizer: the web client (ID tokens) or the agency audience that
        // agencies' access tokens carry (see AGENCY_AUDIENCE).
        audience: [LOCAL_CLIENT_ID, AGENCY_AUDIENCE],
        // API Gateway's JWT authorizer requires `exp`; jose would accept a token without one.
        requiredClaims: ['exp'],
      });
      rejectFutureIssuedAt(payload, Math.floor(Date.now() / 1000));
      return payload;
    },
  };
}

/**
 * API Gateway refuses a token issued in the future (`iat` after now), as it refuses `nbf` in the
 * future. jose checks `nbf` itself but looks at `iat` only when given a maximum token age.
 */
export function rejectFutureIssuedAt(payload: JWTPayload, nowSeconds: number): void {
  if (typeof payload.iat === 'number' && payload.iat > nowSeconds) {
    throw new JWTClaimValidationFailed('"iat" claim timestamp check failed (in the future)', payload, 'iat');
  }
}

function toPublicJwk(privateJwk: JWK): JWK {
  const { kty, n, e, kid } = privateJwk;
  return { kty, n, e, kid, alg: ALG, use: 'sig' };
}

async function loadOrCreateKeys(keyDir: string, issuerUrl: string): Promise<StoredKeys> {
  const file = path.join(keyDir, 'signing-key.json');
  let stored = await readStored(file);
  if (!stored) {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    privateJwk.kid = await calculateJwkThumbprint(privateJwk);
    privateJwk.alg = ALG;
    stored = { privateJwk, issuers: [] };
  }
  if (!stored.issuers.includes(issuerUrl)) {
    stored.issuers.push(issuerUrl);
    await mkdir(keyDir, { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half key that breaks the next start.
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    await rename(temp, file);
  }
  return stored;
}

async function readStored(file: string): Promise<StoredKeys | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

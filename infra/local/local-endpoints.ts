/**
 * Endpoints that exist only offline, under `/_local/`: they stand in for Cognito's hosted UI (mint a
 * token for a demo staff member or a citizen, publish the JWKS) and let tests steer the shared
 * domain clock. API Gateway in AWS has no such routes, and no handler knows about them.
 */
import { clock } from '../../shared/platform/clock';
import { gatewayReply, type HttpReply } from './api-response';
import { citizenIdentity, staffIdentity } from './identities';
import { meter } from './meter';
import { TOKEN_LIFETIME_SECONDS, type LocalIssuer, type TokenIdentity } from './jwt-issuer';
import type { ProvinceFile } from './seed';

export const LOCAL_PREFIX = '/_local/';

export interface LocalEndpointDeps {
  issuer: LocalIssuer;
  province: ProvinceFile;
  /**
   * Told after every move of the clock. Kept out of shared/: the clock does not know who sleeps on
   * it; the cloud wires this to restart the Step Functions executions.
   */
  onClockMoved?: () => void;
  /**
   * A staff member's claims from the local user store (infra/local/cognito-users.ts): any tenant's
   * users, the operator included. Without it, the province file's staff.
   */
  staffIdentity?: (username: string) => TokenIdentity | undefined;
}

type LocalHandler = (body: unknown, deps: LocalEndpointDeps) => Promise<HttpReply> | HttpReply;

const ENDPOINTS: Record<string, LocalHandler> = {
  'GET /_local/health': () => json(200, { status: 'ok', now: clock.now().toISOString() }),
  'POST /_local/tokens': mintToken,
  'GET /_local/jwks.json': (_body, { issuer }) => json(200, issuer.jwks()),
  // OIDC discovery under the issuer URL, for clients that find the JWKS the standard way.
  'GET /_local/.well-known/jwks.json': (_body, { issuer }) => json(200, issuer.jwks()),
  'GET /_local/.well-known/openid-configuration': (_body, { issuer }) =>
    json(200, {
      issuer: issuer.issuer,
      jwks_uri: `${issuer.issuer}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      response_types_supported: ['id_token'],
    }),
  // What the AWS bill would count since the last reset (./meter.ts; the cost model reads it).
  'GET /_local/meter': () => json(200, meter.snapshot()),
  'DELETE /_local/meter': () => json(200, meter.reset()),
  'GET /_local/clock': () => clockState(),
  'POST /_local/clock': moveClock,
  'DELETE /_local/clock': (_body, deps) => {
    clock.reset();
    deps.onClockMoved?.();
    return clockState();
  },
};

export async function handleLocal(
  method: string,
  path: string,
  body: Buffer,
  deps: LocalEndpointDeps,
): Promise<HttpReply> {
  const handler = ENDPOINTS[`${method.toUpperCase()} ${path}`];
  if (!handler) return gatewayReply(404, 'Not Found');
  let parsed: unknown;
  if (body.length > 0) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return gatewayReply(400, 'Body must be JSON');
    }
  }
  return handler(parsed, deps);
}

async function mintToken(
  body: unknown,
  { issuer, province, staffIdentity: lookup }: LocalEndpointDeps,
): Promise<HttpReply> {
  const request = (body ?? {}) as { username?: unknown; citizen?: { id?: unknown; name?: unknown } };
  let identity: TokenIdentity | undefined;
  if (typeof request.username === 'string') {
    identity = lookup ? lookup(request.username) : staffIdentity(province, request.username);
    if (!identity) {
      const known = province.staff.map((s) => s.username).join(', ');
      return gatewayReply(
        404,
        `No enabled user ${request.username} in the local user store; the demo's: ${known}, operator`,
      );
    }
  } else if (
    typeof request.citizen?.id === 'string' &&
    typeof request.citizen.name === 'string' &&
    request.citizen.id !== ''
  ) {
    identity = citizenIdentity(province, { id: request.citizen.id, name: request.citizen.name });
  } else {
    return gatewayReply(
      400,
      'Send {"username": "<staff username>"} or {"citizen": {"id": "<id number>", "name": "<full name>"}}',
    );
  }
  const token = await issuer.issueToken(identity);
  return json(200, { token, tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS, identity });
}

function moveClock(body: unknown, deps: LocalEndpointDeps): HttpReply {
  const request = (body ?? {}) as { now?: unknown; advanceMs?: unknown; frozen?: unknown };
  if (typeof request.now === 'string') {
    const at = new Date(request.now);
    if (Number.isNaN(at.getTime()))
      return gatewayReply(400, `now is not an ISO 8601 instant: ${request.now}`);
    clock.setNow(at, { frozen: request.frozen === true });
  } else if (typeof request.advanceMs === 'number' && Number.isFinite(request.advanceMs)) {
    clock.advance(request.advanceMs);
  } else {
    return gatewayReply(
      400,
      'Send {"now": "<ISO 8601 instant>", "frozen"?: true} or {"advanceMs": <number>}',
    );
  }
  deps.onClockMoved?.();
  return clockState();
}

function clockState(): HttpReply {
  const now = clock.now();
  return json(200, {
    now: now.toISOString(),
    offsetMs: now.getTime() - Date.now(),
    frozen: clock.isFrozen(),
  });
}

function json(statusCode: number, value: unknown): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

/**
 * The local issuer's token endpoint, `POST /_local/oauth2/token`, for the OAuth 2.0
 * client-credentials grant as Cognito's `/oauth2/token` serves it: the client authenticates with
 * HTTP Basic or with `client_id` / `client_secret` form fields (RFC 6749 §2.3.1), may narrow its
 * scopes with `scope`, and gets an RS256 access token the gateway verifies like any other (JWKS).
 * The tenant and agency come from the project's client registry through the same pure mapping the
 * AWS pre-token-generation trigger uses (shared/platform/agency-client-claims.ts); a client with no
 * registry item gets no token. Errors are RFC 6749 §5.2's.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  agencyClientClaims,
  type AgencyClientRegistration,
} from '../../shared/platform/agency-client-claims';
import type { HttpReply } from './api-response';
import type { LocalAppClients } from './cognito-clients';

export const TOKEN_PATH = '/_local/oauth2/token';
/** Cognito's default for access tokens, and what registration sets: one hour. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

export interface AccessTokenRequest {
  clientId: string;
  scopes: readonly string[];
  claims: Record<string, string>;
  lifetimeSeconds: number;
}

export interface TokenEndpointDeps {
  clients: Pick<LocalAppClients, 'authenticate'>;
  issueAccessToken(request: AccessTokenRequest): Promise<string>;
  /** The registry item of a client id (the lookup item), as the trigger reads it. */
  lookup(clientId: string): Promise<AgencyClientRegistration | undefined>;
}

type OAuthError =
  'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

export async function tokenEndpoint(
  headers: IncomingHttpHeaders,
  body: Buffer,
  deps: TokenEndpointDeps,
): Promise<HttpReply> {
  const contentType = String(headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded')
    return oauthError(400, 'invalid_request', 'send the request as application/x-www-form-urlencoded');
  const form = new URLSearchParams(body.toString('utf8'));
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials')
    return oauthError(400, 'unsupported_grant_type', 'only client_credentials is served');

  const credentials = clientCredentials(headers.authorization, form);
  if ('error' in credentials) return credentials.error;
  const client = deps.clients.authenticate(credentials.id, credentials.secret);
  if (!client) return oauthError(401, 'invalid_client', 'unknown client or wrong secret');
  if (!client.allowedFlows.includes('client_credentials'))
    return oauthError(400, 'unauthorized_client', 'the client may not use client_credentials');

  const requested = form.get('scope');
  const scopes = requested === null ? client.allowedScopes : requested.split(' ').filter((s) => s !== '');
  if (scopes.length === 0 || scopes.some((s) => !client.allowedScopes.includes(s)))
    return oauthError(400, 'invalid_scope', `allowed scopes: ${client.allowedScopes.join(' ')}`);

  const registration = await deps.lookup(client.clientId);
  // As in AWS, where the trigger throws and Cognito issues nothing: a revoked or half-made client.
  if (!registration) return oauthError(401, 'invalid_client', 'the client is not registered to an agency');
  const token = await deps.issueAccessToken({
    clientId: client.clientId,
    scopes: [...new Set(scopes)],
    claims: agencyClientClaims(registration),
    lifetimeSeconds: ACCESS_TOKEN_LIFETIME_SECONDS,
  });
  return reply(200, {
    access_token: token,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
  });
}

type Credentials = { id: string; secret: string } | { error: HttpReply };

/** Exactly one way of authenticating: two are refused (RFC 6749 §2.3). */
function clientCredentials(authorization: string | undefined, form: URLSearchParams): Credentials {
  const formId = form.get('client_id');
  const formSecret = form.get('client_secret');
  if (authorization !== undefined) {
    if (formSecret !== null)
      return { error: oauthError(400, 'invalid_request', 'use one client authentication method') };
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
    const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon < 0) return { error: oauthError(401, 'invalid_client', 'malformed Basic credentials') };
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined.
    try {
      return {
        id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
      };
    } catch {
      return { error: oauthError(401, 'invalid_client', 'malformed Basic credentials') };
    }
  }
  if (formId === null || formSecret === null)
    return { error: oauthError(401, 'invalid_client', 'client authentication is required') };
  return { id: formId, secret: formSecret };
}

function oauthError(status: 400 | 401, error: OAuthError, description: string): HttpReply {
  const r = reply(status, { error, error_description: description });
  // RFC 6749 §5.2: a 401 names the scheme the client may authenticate with.
  if (status === 401) r.headers['www-authenticate'] = 'Basic realm="motcua"';
  return r;
}

function reply(statusCode: number, value: unknown): HttpReply {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    },
    body: Buffer.from(JSON.stringify(value)),
  };
}

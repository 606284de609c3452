/**
 * Citizens who sign in through their province's identity provider (OIDC federation in Cognito,
 * docs/citizens.md "Sign-in through the tenant's identity provider"): which names tie a provider,
 * an app client and a tenant together, and what the pre-token-generation trigger puts in such a
 * citizen's ID token. Pure, so the trigger stays thin and the mapping is unit-tested with real
 * Cognito event shapes.
 *
 * The tenant is never taken from what the identity provider sends. It comes from two things only
 * Cognito vouches for:
 * - the provider the user was created through (`identities` attribute, and the username
 *   `<providerName>_<sub>` Cognito gives federated users): provider `citizen-<tenant>`;
 * - the app client the token is issued to: each tenant's citizen client is the only one allowed the
 *   scope `motcua-citizen/<tenant>` (and the only one listing that tenant's provider), so the scope in
 *   the event names the client's tenant. Client ids cannot be passed to the trigger: they exist only
 *   after the pool, whose configuration names the trigger (a cycle).
 * Both must name the same tenant, and the tenant must be one the stage configured; anything else
 * gets no token at all.
 */
import { CLAIMS } from './claims';

/** Cognito provider names are at most 32 characters: with this prefix a tenant id may have 24. */
export const CITIZEN_PROVIDER_PREFIX = 'citizen-';
export const PROVIDER_NAME_MAX = 32;
export const CITIZEN_TENANT_MAX = PROVIDER_NAME_MAX - CITIZEN_PROVIDER_PREFIX.length;

/** The resource server whose one scope per tenant marks that tenant's citizen app client. */
export const CITIZEN_RESOURCE_SERVER = 'motcua-citizen';

export const citizenProviderName = (tenant: string): string => `${CITIZEN_PROVIDER_PREFIX}${tenant}`;
export const citizenTenantScope = (tenant: string): string => `${CITIZEN_RESOURCE_SERVER}/${tenant}`;

/** The trigger's environment: the configured tenants, comma-separated (`CITIZEN_TENANTS`). */
export function parseCitizenTenants(raw: string | undefined): readonly string[] {
  return (raw ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** What the trigger reads from Cognito's V2/V3 event (`userName`, `request.userAttributes`, `request.scopes`). */
export interface TokenRequest {
  readonly userName: string;
  readonly userAttributes: Readonly<Record<string, string | undefined>>;
  readonly scopes?: readonly string[];
}

export type CitizenTokenOutcome =
  /** A user of the pool itself (staff, tenant admins): the token passes unchanged. */
  | { readonly kind: 'native' }
  | {
      readonly kind: 'citizen';
      readonly tenant: string;
      /** For the ID token: the claims the handlers read (shared/platform/claims.ts). */
      readonly claims: Record<string, string>;
      /** Claims a citizen never carries, whatever the user record holds. */
      readonly suppress: readonly string[];
    }
  /** Federated, but not as a configured province's citizen at that province's client: no token. */
  | { readonly kind: 'refused'; readonly reason: string };

interface Identity {
  providerName?: unknown;
}

/** The providers Cognito recorded for a federated user, or undefined when it is not federated. */
function providersOf(attributes: TokenRequest['userAttributes']): string[] | 'malformed' | undefined {
  const raw = attributes.identities;
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return 'malformed';
    const names = (parsed as Identity[]).map((i) => i.providerName);
    return names.every((n): n is string => typeof n === 'string') ? names : 'malformed';
  } catch {
    return 'malformed';
  }
}

export function citizenTokenClaims(request: TokenRequest, tenants: readonly string[]): CitizenTokenOutcome {
  const providers = providersOf(request.userAttributes);
  if (providers === undefined) return { kind: 'native' };
  if (providers === 'malformed') return { kind: 'refused', reason: 'unreadable identities attribute' };
  // This pool never links accounts: a federated user came through exactly one provider.
  if (providers.length !== 1) return { kind: 'refused', reason: 'more than one linked identity' };
  const provider = providers[0]!;
  if (!request.userName.startsWith(`${provider}_`))
    return { kind: 'refused', reason: 'username does not match the identity provider' };
  const tenant = tenants.find((t) => citizenProviderName(t) === provider);
  if (tenant === undefined)
    return { kind: 'refused', reason: `provider ${provider} is no configured province` };
  const scopes = request.scopes ?? [];
  const clientTenants = tenants.filter((t) => scopes.includes(citizenTenantScope(t)));
  if (clientTenants.length !== 1 || clientTenants[0] !== tenant)
    return { kind: 'refused', reason: `provider ${provider} at another province's app client` };
  const name = request.userAttributes.name;
  return {
    kind: 'citizen',
    tenant,
    claims: {
      [CLAIMS.tenant]: tenant,
      [CLAIMS.roles]: 'citizen',
      ...(name !== undefined && name !== '' ? { [CLAIMS.name]: name } : {}),
    },
    suppress: [CLAIMS.agency],
  };
}

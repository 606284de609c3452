/**
 * The context key `citizenIdentityProviders` checked (docs/citizens.md, "Sign-in through the
 * tenant's identity provider"): per tenant id, the OIDC identity provider its citizens sign in
 * through. infra/stage.ts reads the context and calls this; it only checks and normalises, so every
 * mistake is reported with the tenant and the field before anything is synthesized.
 *
 * The client secret is never in context: only the *name* of a Secrets Manager secret, which the
 * template references dynamically (CloudFormation reads it at deploy time).
 */
import { TENANT_ID_PATTERN } from '../shared/api/tenant-scope';
import { CITIZEN_TENANT_MAX } from '../shared/platform/citizen-federation';

export const CITIZEN_PROVIDERS_KEY = 'citizenIdentityProviders';

export interface CitizenAttributeMapping {
  /** The provider's claim holding the full name (the pool's `name`). */
  readonly name: string;
  /** The provider's e-mail claim: the user pool requires an e-mail for every user, federated too. */
  readonly email: string;
  /** The provider's citizen id number claim (CCCD), kept as `preferred_username`; optional. */
  readonly idNumber?: string;
}

export interface CitizenIdentityProvider {
  readonly tenant: string;
  /** https only: Cognito discovers the endpoints at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** The Secrets Manager secret (name or ARN) holding the client secret, as a plain string. */
  readonly clientSecretName: string;
  /** Scopes asked of the provider; always includes `openid`. */
  readonly scopes: readonly string[];
  readonly attributeMapping: CitizenAttributeMapping;
  /** How Cognito calls the provider's userinfo endpoint (Cognito's default: GET). */
  readonly attributesRequestMethod?: 'GET' | 'POST';
  /** Where Cognito may send the citizen back with the authorization code. */
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
}

const FIELDS = [
  'issuer',
  'clientId',
  'clientSecretName',
  'scopes',
  'attributeMapping',
  'attributesRequestMethod',
  'callbackUrls',
  'logoutUrls',
] as const;
const MAPPING_FIELDS = ['name', 'email', 'idNumber'] as const;
const DEFAULT_SCOPES = ['openid', 'profile', 'email'];
// Secrets Manager's characters for names (and ARNs, which add `:`).
const SECRET_NAME = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;
// An OAuth scope token (RFC 6749 §3.3) or an OIDC claim name: printable, no space or quote.
const TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
/** Where the web app receives the code when the stage has a domain and the entry names no URLs. */
export const DEFAULT_CALLBACK_PATH = '/dang-nhap/cong-dan';

/** The value from cdk.json (an object) or from `-c citizenIdentityProviders='{…}'` (a JSON string). */
export function readCitizenIdentityProviders(
  raw: unknown,
  domain: string | undefined,
  errors: string[],
): CitizenIdentityProvider[] {
  if (raw === undefined || raw === null || raw === '') return [];
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      errors.push(`context "${CITIZEN_PROVIDERS_KEY}" must be a JSON object of tenant id → provider`);
      return [];
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`context "${CITIZEN_PROVIDERS_KEY}" must be an object of tenant id → provider`);
    return [];
  }
  const out: CitizenIdentityProvider[] = [];
  for (const [tenant, entry] of Object.entries(value)) {
    const provider = readEntry(tenant, entry, domain, errors);
    if (provider !== undefined) out.push(provider);
  }
  return out;
}

function readEntry(
  tenant: string,
  entry: unknown,
  domain: string | undefined,
  errors: string[],
): CitizenIdentityProvider | undefined {
  const before = errors.length;
  const fail = (field: string, problem: string) =>
    errors.push(`context "${CITIZEN_PROVIDERS_KEY}": tenant "${tenant}": "${field}" ${problem}`);
  if (!TENANT_ID_PATTERN.test(tenant) || tenant.length > CITIZEN_TENANT_MAX) {
    errors.push(
      `context "${CITIZEN_PROVIDERS_KEY}": tenant "${tenant}" is not a tenant id ` +
        `(${TENANT_ID_PATTERN}, at most ${CITIZEN_TENANT_MAX} characters: it names the Cognito provider)`,
    );
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    errors.push(`context "${CITIZEN_PROVIDERS_KEY}": tenant "${tenant}" must be an object`);
    return undefined;
  }
  const e = entry as Record<string, unknown>;
  for (const key of Object.keys(e)) {
    if (key === 'clientSecret')
      fail(
        key,
        'must not be in context (it would be in the template): store it in Secrets Manager and give clientSecretName',
      );
    else if (!(FIELDS as readonly string[]).includes(key)) fail(key, `is not a field (${FIELDS.join(', ')})`);
  }

  const issuer = httpsUrl(e.issuer, 'issuer', fail, { required: true });
  const clientId = e.clientId;
  if (typeof clientId !== 'string' || !TOKEN.test(clientId))
    fail('clientId', 'must be the client id the provider issued');
  const secretName = e.clientSecretName;
  if (typeof secretName !== 'string' || !SECRET_NAME.test(secretName))
    fail('clientSecretName', 'must name a Secrets Manager secret (name or ARN) holding the client secret');

  const scopes = e.scopes === undefined ? DEFAULT_SCOPES : e.scopes;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string' && TOKEN.test(s)))
    fail('scopes', 'must be a list of scope names');
  else if (!scopes.includes('openid')) fail('scopes', 'must include "openid"');

  const mapping = readMapping(e.attributeMapping, fail);

  const method = e.attributesRequestMethod;
  if (method !== undefined && method !== 'GET' && method !== 'POST')
    fail('attributesRequestMethod', `must be "GET" or "POST", got ${JSON.stringify(method)}`);

  const callbackUrls = urlList(e.callbackUrls, 'callbackUrls', fail);
  const logoutUrls = urlList(e.logoutUrls, 'logoutUrls', fail);
  if (callbackUrls === undefined && domain === undefined)
    fail('callbackUrls', 'is needed when the stage has no "domain" to derive it from');

  if (errors.length > before) return undefined;
  return {
    tenant,
    issuer: issuer!,
    clientId: clientId as string,
    clientSecretName: secretName as string,
    scopes: scopes as string[],
    attributeMapping: mapping!,
    ...(method !== undefined ? { attributesRequestMethod: method as 'GET' | 'POST' } : {}),
    callbackUrls: callbackUrls ?? [`https://${domain}${DEFAULT_CALLBACK_PATH}`],
    logoutUrls: logoutUrls ?? (domain === undefined ? [] : [`https://${domain}/`]),
  };
}

type Fail = (field: string, problem: string) => void;

function readMapping(raw: unknown, fail: Fail): CitizenAttributeMapping | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail('attributeMapping', 'must be an object naming at least the provider\'s "name" and "email" claims');
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(m))
    if (!(MAPPING_FIELDS as readonly string[]).includes(key)) {
      // Never tenant, agency or roles: those come from the province's configuration, not the provider.
      fail(`attributeMapping.${key}`, `is not mapped (only ${MAPPING_FIELDS.join(', ')})`);
      ok = false;
    }
  for (const key of MAPPING_FIELDS) {
    const v = m[key];
    if (v === undefined && key === 'idNumber') continue;
    if (typeof v !== 'string' || !TOKEN.test(v)) {
      fail(`attributeMapping.${key}`, "must be the provider's claim name");
      ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    name: m.name as string,
    email: m.email as string,
    ...(m.idNumber !== undefined ? { idNumber: m.idNumber as string } : {}),
  };
}

function httpsUrl(raw: unknown, field: string, fail: Fail, opts: { required: boolean }): string | undefined {
  if (raw === undefined && !opts.required) return undefined;
  let url: URL | undefined;
  try {
    url = typeof raw === 'string' ? new URL(raw) : undefined;
  } catch {
    url = undefined;
  }
  // Loopback http is what Cognito allows for developers' callbacks; never for an issuer.
  const loopback = field !== 'issuer' && url?.protocol === 'http:' && url.hostname === 'localhost';
  if (
    url === undefined ||
    (url.protocol !== 'https:' && !loopback) ||
    url.hash !== '' ||
    url.username !== ''
  ) {
    fail(field, `must be an https URL, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  if (field === 'issuer' && url.search !== '') {
    fail(field, `must be an https URL without a query, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  // Cognito compares the issuer with the discovery document's `iss` as written: keep it as given.
  return raw as string;
}

function urlList(raw: unknown, field: string, fail: Fail): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    fail(field, 'must be a non-empty list of https URLs');
    return undefined;
  }
  const urls = raw.map((u, i) => httpsUrl(u, `${field}[${i}]`, fail, { required: true }));
  return urls.every((u) => u !== undefined) ? (urls as string[]) : undefined;
}

/**
 * A tenant admin registers an agency's system: Cognito makes its app client (client-credentials
 * grant, a secret, the agency scopes), and the registry items that tie the client id to the tenant
 * and agency are written in one transaction with the request's Idempotency-Key. The same code runs
 * offline, where AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points the SDK at the local issuer.
 *
 * Order: Cognito first (only it can make the id), then the registry. Until the registry is written
 * the client can get no token (the token issuers find no tenant for it and refuse), so a crash in
 * between leaves an inert client; a failed registry write deletes it again. The secret is never
 * stored by us: a replay with the same Idempotency-Key reads it back from Cognito
 * (DescribeUserPoolClient), so the idempotency record holds no credential.
 */
import {
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type * as z from 'zod/mini';
import type { CreateAgencyClient, registeredAgencyClient } from '../api/schemas/agency-client';
import type { IdempotencyClaim } from '../domain/idempotency';
import { toVnIso } from '../domain/vn-time';
import {
  agencyClientPage,
  deleteAgencyClient,
  getAgencyClient,
  putAgencyClient,
} from '../data/agency-client-repo';
import { agenciesByCode } from '../data/catalog-reads';
import { getCognitoClient } from '../platform/aws-clients';
import { AGENCY_SCOPE_LIST } from '../platform/claims';
import { clock } from '../platform/clock';
import { ENV, requireEnv } from '../platform/env';
import { NotFoundError, UnprocessableError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { oncePerKey, type TakeKey } from './once-per-key';
import { pageOf, type PageRequest } from './paging';
import { recordAudit } from './audit';

type Registered = z.input<typeof registeredAgencyClient>;

/** Access tokens of agencies' systems live an hour, like staff tokens: a leaked one expires soon. */
const ACCESS_TOKEN_MINUTES = 60;

export async function registerAgencyClient(
  principal: Principal,
  input: CreateAgencyClient,
  claim: IdempotencyClaim | undefined,
): Promise<Registered> {
  const { result, replayed } = await oncePerKey<Registered>(claim, (takeKey) =>
    newClient(principal, input, takeKey),
  );
  return replayed ? { ...result, clientSecret: await secretOf(result.clientId) } : result;
}

async function newClient(
  principal: Principal,
  input: CreateAgencyClient,
  takeKey: TakeKey<Registered>,
): Promise<Registered> {
  const agencies = await agenciesByCode(principal.tenant);
  if (!agencies.has(input.agency))
    throw new UnprocessableError(
      'unknown-agency',
      `Không có cơ quan ${input.agency} / no agency ${input.agency} in this tenant`,
      [{ field: 'body.agency', rule: 'unknown-agency', message: 'cơ quan không có / unknown agency' }],
    );
  const scopes = input.scopes ? [...new Set(input.scopes)] : [...AGENCY_SCOPE_LIST];
  const userPoolId = requireEnv(ENV.userPoolId);
  const created = await getCognitoClient().send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: `${principal.tenant}:${input.agency}:${input.name}`.slice(0, 128),
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: scopes,
      AccessTokenValidity: ACCESS_TOKEN_MINUTES,
      TokenValidityUnits: { AccessToken: 'minutes' },
      EnableTokenRevocation: true,
    }),
  );
  const clientId = created.UserPoolClient?.ClientId;
  const clientSecret = created.UserPoolClient?.ClientSecret;
  if (!clientId || !clientSecret) throw new Error('CreateUserPoolClient answered no client id or secret');
  const view = {
    clientId,
    agency: input.agency,
    name: input.name,
    scopes,
    createdAt: toVnIso(clock.now()),
    createdBy: principal.username,
    tokenEndpointPath: '/oauth2/token' as const,
  };
  try {
    await putAgencyClient(
      {
        tenant: principal.tenant,
        clientId,
        agency: input.agency,
        name: input.name,
        scopes,
        createdAt: view.createdAt,
        createdBy: view.createdBy,
      },
      // The stored answer has no secret (see above): a replay reads it from Cognito.
      takeKey({ ...view, clientSecret: '' }),
    );
  } catch (error) {
    // No registry, no tokens: the client would be inert, but it is not left behind either.
    await getCognitoClient()
      .send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))
      .catch(() => undefined);
    throw error;
  }
  await recordAudit(principal, 'agencyClient.create', {
    target: clientId,
    detail: `agency=${input.agency}; scopes=${scopes.join(' ')}`,
  });
  return { ...view, clientSecret };
}

async function secretOf(clientId: string): Promise<string> {
  const described = await getCognitoClient().send(
    new DescribeUserPoolClientCommand({ UserPoolId: requireEnv(ENV.userPoolId), ClientId: clientId }),
  );
  const secret = described.UserPoolClient?.ClientSecret;
  if (!secret) throw new Error(`DescribeUserPoolClient answered no secret for ${clientId}`);
  return secret;
}

/** The tenant's agency systems, a page at a time; the secrets are Cognito's alone. */
export async function agencyClientsOf(principal: Principal, query: PageRequest) {
  const { items, more } = await agencyClientPage(principal.tenant, {
    after: query.cursor,
    limit: query.limit,
  });
  const views = items.map((c) => ({
    clientId: c.clientId,
    agency: c.agency,
    name: c.name,
    scopes: c.scopes,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
  }));
  return { items: views, nextCursor: pageOf('agencyClients', views, more, (c) => c.clientId).nextCursor };
}

/** Revokes an agency's system: the registry first (no new token gets its claims), then Cognito. */
export async function revokeAgencyClient(principal: Principal, clientId: string): Promise<void> {
  const record = await getAgencyClient(principal.tenant, clientId);
  if (!record) throw new NotFoundError(`Không có ứng dụng ${clientId} / no agency client ${clientId}`);
  await deleteAgencyClient(principal.tenant, clientId);
  await getCognitoClient().send(
    new DeleteUserPoolClientCommand({ UserPoolId: requireEnv(ENV.userPoolId), ClientId: clientId }),
  );
  await recordAudit(principal, 'agencyClient.delete', {
    target: clientId,
    detail: `agency=${record.agency}`,
  });
}

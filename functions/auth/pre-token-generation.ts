/**
 * Cognito's pre-token-generation trigger (event version V3_0: the one that also runs for the
 * client-credentials grant; for people it is the V2 event under another name).
 *
 * - Agency systems (client credentials): adds to the access token the tenant and agency its client
 *   was registered for, from the registry's lookup item (shared/data/agency-client-repo.ts), through
 *   the same pure mapping the local issuer uses. A client with no registry item gets no token: the
 *   trigger fails, and Cognito refuses to issue.
 * - Citizens signed in through their province's identity provider: the ID token gets the tenant
 *   and the `citizen` role, decided by shared/platform/citizen-federation.ts from the provider and
 *   the app client only (never from what the provider sent); a mismatch gets no token.
 * - Users of the pool itself (staff): their tokens pass unchanged (their claims are user attributes).
 */
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { findAgencyClient } from '../../shared/data/agency-client-repo';
import { agencyClientClaims } from '../../shared/platform/agency-client-claims';
import { citizenTokenClaims, parseCitizenTenants } from '../../shared/platform/citizen-federation';
import { ENV } from '../../shared/platform/env';
import { logger } from '../../shared/platform/observability';

const CITIZEN_TENANTS = parseCitizenTenants(process.env[ENV.citizenTenants]);

type Event = PreTokenGenerationV3TriggerEvent | PreTokenGenerationV2TriggerEvent;

export const handler = async (event: Event) => {
  if (event.triggerSource === 'TokenGeneration_ClientCredentials') return agencySystemToken(event);
  const outcome = citizenTokenClaims(
    { userName: event.userName, userAttributes: event.request.userAttributes, scopes: event.request.scopes },
    CITIZEN_TENANTS,
  );
  if (outcome.kind === 'native') return event;
  const clientId = event.callerContext.clientId;
  if (outcome.kind === 'refused') {
    logger.warn('token refused: federated user', { clientId, reason: outcome.reason });
    throw new Error(`Federated sign-in refused: ${outcome.reason}`);
  }
  logger.info('federated citizen token', { clientId, tenant: outcome.tenant });
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: outcome.claims, claimsToSuppress: [...outcome.suppress] },
    },
  };
  return event;
};

async function agencySystemToken(event: PreTokenGenerationV3TriggerEvent) {
  const clientId = event.callerContext.clientId;
  const registration = await findAgencyClient(clientId);
  if (!registration) {
    logger.warn('token refused: client not in the registry', { clientId });
    throw new Error(`Client ${clientId} is not registered to an agency`);
  }
  logger.info('agency system token', { clientId, tenant: registration.tenant, agency: registration.agency });
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride: agencyClientClaims(registration) },
    },
  };
  return event;
}

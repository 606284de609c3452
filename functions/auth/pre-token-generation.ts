/**
 * Cognito's pre-token-generation trigger (event version V3_0, the one that also runs for the
 * client-credentials grant): adds to an agency system's access token the tenant and agency its
 * client was registered for, from the registry's lookup item (shared/data/agency-client-repo.ts),
 * through the same pure mapping the local issuer uses. A client with no registry item gets no token:
 * the trigger fails, and Cognito refuses to issue. Tokens of people pass unchanged (their claims
 * are user attributes).
 */
import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { findAgencyClient } from '../../shared/data/agency-client-repo';
import { agencyClientClaims } from '../../shared/platform/agency-client-claims';
import { logger } from '../../shared/platform/observability';

export const handler = async (event: PreTokenGenerationV3TriggerEvent) => {
  if (event.triggerSource !== 'TokenGeneration_ClientCredentials') return event;
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
};

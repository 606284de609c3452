/**
 * What an agency's system's access token says about it, from its registry item: the one mapping
 * both issuers use — the Cognito pre-token-generation trigger (functions/auth/pre-token-generation.ts)
 * and, offline, the local issuer's `/oauth2/token`. Pure, so both issue exactly the same claims.
 *
 * The claim names are those of ID tokens (`custom:tenant`, `custom:agency`, `custom:roles`), so the
 * handlers read one set of names; `aud` is the fixed agency audience the API's JWT authorizer lists
 * (see AGENCY_AUDIENCE). Roles are not taken from here by the principal (a machine is always and
 * only `agencySystem`): the claim is informative, for whoever reads the token.
 */
import { AGENCY_AUDIENCE, CLAIMS } from './claims';

export interface AgencyClientRegistration {
  tenant: string;
  agency: string;
}

export function agencyClientClaims(registration: AgencyClientRegistration): Record<string, string> {
  return {
    [CLAIMS.tenant]: registration.tenant,
    [CLAIMS.agency]: registration.agency,
    [CLAIMS.roles]: 'agencySystem',
    aud: AGENCY_AUDIENCE,
  };
}

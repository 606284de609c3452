import * as z from 'zod/mini';
import { AGENCY_SCOPE_LIST, type AgencyScope } from '../../platform/claims';
import { agencyCode, singleLine } from './common';
import { nextCursor, pageQuery } from './page';

const scope = z.enum(AGENCY_SCOPE_LIST as [AgencyScope, ...AgencyScope[]]);

/** A tenant admin registers one of an agency's systems; strict: a misspelt field is refused. */
export const createAgencyClient = z.strictObject({
  agency: agencyCode,
  /** Shown to admins; also the Cognito app client's name. */
  name: z.pipe(singleLine(100), z.string().check(z.minLength(1))),
  /** Default: both (read and act). */
  scopes: z.optional(z.array(scope).check(z.minLength(1), z.maxLength(AGENCY_SCOPE_LIST.length))),
});
export type CreateAgencyClient = z.infer<typeof createAgencyClient>;

/** Cognito app client ids: 1–128 word characters (letters, digits, `_`). */
const clientId = z.string().check(z.maxLength(128, { abort: true }), z.regex(/^\w+$/));
export const clientIdParams = z.strictObject({ clientId });
export const agencyClientListQuery = z.strictObject(pageQuery('agencyClients', clientId));

export const agencyClientView = z.object({
  clientId: z.string(),
  agency: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** A tenant's agency systems, in client id order; never their secrets. */
export const agencyClientList = z.object({ items: z.array(agencyClientView), nextCursor });

/** The answer to registration: the only time the secret is shown. */
export const registeredAgencyClient = z.extend(agencyClientView, {
  clientSecret: z.string(),
  /** Where to get tokens (the client-credentials grant), relative to the issuer's domain. */
  tokenEndpointPath: z.literal('/oauth2/token'),
});

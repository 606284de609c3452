import type { Actor } from '../domain/dossier/model';
import type { Principal } from '../platform/principal';

/** The domain's view of the caller: staff when the token carries an agency, otherwise a citizen. */
export function actorOf(principal: Principal): Actor {
  const isCitizen = principal.roles.includes('citizen') && principal.agency === undefined;
  return {
    subject: principal.subject,
    username: principal.username,
    kind: isCitizen ? 'citizen' : 'staff',
    agency: principal.agency,
    roles: principal.roles,
  };
}

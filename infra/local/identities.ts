/**
 * Who the local issuer signs tokens for: the province's demo staff (roles and agency from the
 * province file, as an admin would set them in Cognito) and citizens.
 */
import { createHash } from 'node:crypto';
import type { TokenIdentity } from './jwt-issuer';
import type { ProvinceFile } from './seed';

/** The citizen whose token `npm start` prints. */
export const DEMO_CITIZEN = { id: '001099012345', name: 'Nguyễn Văn An' } as const;

export interface CitizenInput {
  /** Citizen id number (CCCD); it becomes the username. */
  id: string;
  name: string;
}

export function staffIdentity(province: ProvinceFile, username: string): TokenIdentity | undefined {
  const member = province.staff.find((s) => s.username === username);
  if (!member) return undefined;
  const named = member as { name?: unknown };
  return {
    sub: stableSubject(province.tenant.id, `staff:${member.username}`),
    username: member.username,
    name: typeof named.name === 'string' ? named.name : member.username,
    tenant: province.tenant.id,
    agency: member.agency,
    roles: member.roles,
  };
}

export function citizenIdentity(province: ProvinceFile, citizen: CitizenInput): TokenIdentity {
  return {
    sub: stableSubject(province.tenant.id, `citizen:${citizen.id}`),
    username: citizen.id,
    name: citizen.name,
    tenant: province.tenant.id,
    roles: ['citizen'],
  };
}

/**
 * Cognito's `sub` is a UUID fixed for the life of the user. Deriving it from tenant and username
 * keeps it fixed across restarts and fresh data dirs, so a dossier filed under one token is still
 * the same person's with the next one.
 */
export function stableSubject(tenant: string, key: string): string {
  const hex = createHash('sha256').update(`${tenant}\u0000${key}`).digest('hex');
  // Shaped like a version-5 UUID (name-based).
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

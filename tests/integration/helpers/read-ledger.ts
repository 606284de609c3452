/**
 * Every personal-data read the integration tests make as staff or as an agency's system, noted by
 * the HTTP helper (./api.ts) as answers come back: so a test can check at its end that each one is
 * in the audit log (./audit.ts expectReadsAudited), without listing its reads by hand.
 */
import { decodeJwt } from 'jose';

/** The routes that answer a dossier's personal data (docs/audit.md), by method and path. */
const READS: ReadonlyArray<[string, RegExp]> = [
  ['GET', /^\/v1\/dossiers\/([^/?]+)(\?|$)/],
  ['GET', /^\/v1\/dossiers\/([^/?]+)\/forms\/[^/?]+(\?|$)/],
  ['GET', /^\/v1\/dossiers\/([^/?]+)\/attachments\/[^/?]+\/download(\?|$)/],
  ['POST', /^\/v1\/dossiers\/([^/?]+)\/actions(\?|$)/],
  ['POST', /^\/v1\/dossiers\/([^/?]+)\/reception-decision(\?|$)/],
];

export interface StaffRead {
  tenant: string;
  code: string;
  reader: string;
}

const ledger = new Map<string, StaffRead[]>();

/** Called by the HTTP helper for every answer; keeps the 200s of staff and agency systems. */
export function noteRead(
  baseUrl: string,
  method: string,
  path: string,
  status: number,
  token?: string,
): void {
  if (status !== 200 || token === undefined) return;
  const code = READS.find(([m, re]) => m === method.toUpperCase() && re.test(path))?.[1].exec(path)?.[1];
  if (code === undefined) return;
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return;
  }
  const roles = String(claims['custom:roles'] ?? '').split(',');
  const agency = claims['custom:agency'];
  // A citizen (no agency) reads only their own dossiers: not audited.
  if (roles.includes('citizen') && (agency === undefined || agency === '')) return;
  const reader = (claims['cognito:username'] ?? claims.client_id) as string | undefined;
  const tenant = claims['custom:tenant'] as string | undefined;
  if (!reader || !tenant) return;
  ledger.set(baseUrl, [...(ledger.get(baseUrl) ?? []), { tenant, code: decodeURIComponent(code), reader }]);
}

/** The staff reads made against one cloud, of one tenant: dossier code → who read it. */
export function staffReadsOn(baseUrl: string, tenant = 'demo'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of ledger.get(baseUrl) ?? [])
    if (r.tenant === tenant) out.set(r.code, [...new Set([...(out.get(r.code) ?? []), r.reader])]);
  return out;
}

/**
 * `Idempotency-Key` on a receipt holder's route (issue 11 §7). The HTTP side scopes a key by route,
 * tenant and caller, and a public route has neither a token's tenant nor its subject: its claim
 * names nobody ('-'). Left so, two holders who pick the same key would share an answer (one
 * dossier's upload ticket replayed to another's holder), and the key record would sit outside any
 * tenant's partition. So the use case, once the secret has been checked, rescopes the claim to the
 * tenant in the path and to the holder of that dossier's receipt. Pure: node:crypto only.
 */
import { createHash } from 'node:crypto';
import type { IdempotencyClaim } from '../idempotency';

export function receiptHolderClaim(claim: IdempotencyClaim, tenant: string, code: string): IdempotencyClaim {
  // A JSON array, as claimOf hashes caller and key: no split of the text can collide with another.
  const keyHash = createHash('sha256')
    .update(JSON.stringify([`receipt:${code}`, claim.keyHash]), 'utf8')
    .digest('hex');
  return { ...claim, tenant, keyHash };
}

/**
 * `Idempotency-Key` on creating POSTs: the HTTP side. A route marked `idempotent` reads the header
 * (its form checked by the request guard) and turns it into a claim scoped by route, tenant and
 * caller; the route's use case takes the key in the same transaction as its change
 * (shared/usecases/once-per-key.ts, which also says why Powertools idempotency is no longer used).
 */
import { claimOf, type IdempotencyClaim } from '../domain/idempotency';
import type { Principal } from './principal';

// Its form is checked once, by the request guard (request-guard.ts), before anything runs.
export { IDEMPOTENCY_KEY_PATTERN } from '../api/schemas/common';

/** The claim of a request that sent `key`; the body is the one the client sent, before validation. */
export function idempotencyClaim(
  route: string,
  principal: Principal | undefined,
  key: string,
  rawBody: unknown,
): IdempotencyClaim {
  return claimOf({
    route,
    tenant: principal?.tenant ?? '-',
    caller: principal?.subject ?? '-',
    key,
    body: rawBody ?? null,
  });
}

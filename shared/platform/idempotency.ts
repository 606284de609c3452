/**
 * `Idempotency-Key` on creating POSTs: the HTTP side. A route marked `idempotent` reads the header,
 * checks its form and turns it into a claim scoped by route, tenant and caller; the route's use case
 * takes the key in the same transaction as its change (shared/usecases/once-per-key.ts, which also
 * says why Powertools idempotency is no longer used).
 */
import { claimOf, type IdempotencyClaim } from '../domain/idempotency';
import { ValidationError } from './errors';
import type { Principal } from './principal';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The claim of a request that sent `key`; the body is the one the client sent, before validation. */
export function idempotencyClaim(
  route: string,
  principal: Principal | undefined,
  key: string,
  rawBody: unknown,
): IdempotencyClaim {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ValidationError([
      {
        field: 'headers.idempotency-key',
        rule: 'invalid_format',
        message: '8–128 ký tự A-Z a-z 0-9 . _ : - / 8–128 characters',
      },
    ]);
  }
  return claimOf({
    route,
    tenant: principal?.tenant ?? '-',
    caller: principal?.subject ?? '-',
    key,
    body: rawBody ?? null,
  });
}

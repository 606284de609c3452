/** Idempotency-Key support: the key record in the use case's transaction (toolbox entity + SDK). */
export { oncePerKey as wrap } from '../../shared/usecases/once-per-key';

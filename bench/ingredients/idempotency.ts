/** Idempotency-Key support: Powertools idempotency with its DynamoDB persistence layer. */
import { idempotent } from '../../shared/platform/idempotency';

export const wrap = idempotent;

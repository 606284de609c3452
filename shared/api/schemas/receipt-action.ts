/**
 * What a receipt holder may ask (issue 11 §7), built from the lifecycle table's entries: apart from
 * the receipt's other schemas (./receipt-secret.ts) so that only the route that acts
 * (actOnDossierByReceipt) bundles the table, not the status and attachment routes (issue 14).
 */
import type * as z from 'zod/mini';
import { LIFECYCLE } from '../../domain/lifecycle/table';
import { actionRequestSchema } from './lifecycle';

/** What a receipt holder may do: supplement (resubmit, when asked to) and withdraw. */
export const RECEIPT_ACTIONS = { resubmit: LIFECYCLE.resubmit, withdraw: LIFECYCLE.withdraw } as const;
export const receiptAction = actionRequestSchema(RECEIPT_ACTIONS);
export type ReceiptAction = z.infer<typeof receiptAction>;

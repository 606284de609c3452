/**
 * The receipt holder's scans (issue 11 §7): the paths of the public attachment routes. Their bodies
 * and answers are the signed-in routes' own (./attachment.ts), the same limits and the same view.
 */
import * as z from 'zod/mini';
import { attachmentId } from './common';
import { receiptParams } from './receipt-secret';

export { receiptParams };

/** One upload of the dossier whose receipt the caller holds. */
export const receiptAttachmentParams = z.extend(receiptParams, { id: attachmentId });

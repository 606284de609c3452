/** zod/mini (zod 4's functional API, made for tree-shaking) with the same schema as zod.ts. */
import * as z from 'zod/mini';

export const schema = z.object({ code: z.string() });

/**
 * zod imported as a namespace (`import * as z from 'zod'`, as zod's docs write it), with the same
 * schema as zod.ts: esbuild then keeps only what the schema uses. `import { z }` reaches the same
 * API through one object holding every export (every locale, JSON Schema both ways), all kept.
 */
import * as z from 'zod';

export const schema = z.object({ code: z.string() });

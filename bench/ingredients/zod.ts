/** zod alone, imported the way shared/ imports it (`import { z } from 'zod'`), with one schema. */
import { z } from 'zod';

export const schema = z.object({ code: z.string() });

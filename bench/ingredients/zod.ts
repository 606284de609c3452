/** zod alone, imported as shared/ did before issue 14 (`import { z } from 'zod'`), with one schema: the reference the namespace import is measured against. */
import { z } from 'zod';

export const schema = z.object({ code: z.string() });

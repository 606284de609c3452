/**
 * zod's English messages for the issues our schemas leave unworded. Classic zod installs them
 * globally when it is imported; zod/mini installs none (its issues would all say "Invalid input").
 * Passed as the parse context's `error`, they word an issue exactly as classic zod did whichever
 * flavour built the schema and whichever is in the bundle, so a 400's `message` (problem.ts keeps
 * an English message that names a pattern, e.g. `must match pattern /^\w+$/`) and a catalog import's
 * rejection reasons stay the same. A schema's own message still wins: zod asks the context last.
 */
import { en } from 'zod/locales';

export const ZOD_ENGLISH = en().localeError;

/**
 * The offline cloud's stand-in for esbuild's `binary` loader (infra/constructs/api-function.ts):
 * `import bytes from 'x.ttf'` gives the file's bytes, as in the Lambda bundle. A module load hook
 * answers such a file with a module exporting its bytes; functions/ and shared/ import it the same
 * way in both places (shared/forms/fonts.ts).
 */
import nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

/** The file types imported as bytes; the Lambda bundling's loader lists the same. */
export const BINARY_EXTENSIONS = ['.ttf'] as const;

let installed = false;

export function loadBinaryAssetsAsBytes(): void {
  if (installed) return;
  const { registerHooks } = nodeModule as Partial<typeof nodeModule>;
  if (typeof registerHooks !== 'function')
    throw new Error(`Node >= 22.15 needed, this is ${process.version}`);
  installed = true;
  registerHooks({
    load(url, context, nextLoad) {
      if (!BINARY_EXTENSIONS.some((ext) => url.endsWith(ext))) return nextLoad(url, context);
      const file = fileURLToPath(url);
      return {
        format: 'commonjs',
        shortCircuit: true,
        source: `module.exports = require('node:fs').readFileSync(${JSON.stringify(file)});`,
      };
    },
  });
}

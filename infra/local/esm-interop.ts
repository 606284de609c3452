/**
 * Lets the handlers' CommonJS-compiled code (tsx runs this repo's .ts as CommonJS, since
 * package.json has no "type": "module") load packages that publish only an `import` export, such as
 * @middy/core. In AWS the same code is bundled by esbuild, which resolves them; here a resolve
 * hook retries such a `require` with the `import` condition, and Node 22 (require of ES modules)
 * loads the file. Only the offline runtime is touched; functions/ and shared/ stay as they are.
 */
import nodeModule from 'node:module';

let installed = false;

export function allowRequireOfImportOnlyPackages(): void {
  if (installed) return;
  // Node 20 (the machine's default) has neither the hook API nor require() of ES modules.
  const { registerHooks } = nodeModule as Partial<typeof nodeModule>;
  if (typeof registerHooks !== 'function') {
    throw new Error(
      `The offline cloud needs Node >= 22.15, this is ${process.version}: run it through npm (npm start, npx jest), ` +
        "which puts the project's node_modules/.bin/node first on PATH",
    );
  }
  installed = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
        return nextResolve(specifier, { ...context, conditions: [...(context.conditions ?? []), 'import'] });
      }
    },
  });
}

/* global module */
/**
 * Jest's stand-in for esbuild's `binary` loader: `import bytes from 'x.ttf'` gives the file's bytes
 * (a Buffer, which is a Uint8Array), read when the module loads, as the Lambda bundle and the
 * offline cloud give them (shared/forms/binary-assets.d.ts).
 */
module.exports = {
  process(_source, sourcePath) {
    return { code: `module.exports = require('node:fs').readFileSync(${JSON.stringify(sourcePath)});` };
  },
};

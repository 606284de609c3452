/**
 * Stands in for `brotli/decompress.js` in every Lambda bundle (the esbuild alias in
 * infra/constructs/api-function.ts `FUNCTION_BUNDLING`): 475 KB of brotli's decoder that fontkit
 * imports only for WOFF2 fonts. fontkit calls it in one place, `WOFF2Font._decompress`, and
 * `fontkit.create` builds a WOFF2Font only for bytes that begin with `wOF2`; the forms' fonts are
 * TrueType (shared/forms/fonts.ts, they begin with 00 01 00 00), so it is never reached.
 * tests/unit/forms/bundled-render.test.ts renders every form from the aliased bundle.
 * If a WOFF2 font is ever added, this throws instead of drawing garbage: drop the alias then.
 */
export default function brotliDecompress(): never {
  throw new Error(
    'brotli is aliased out of the Lambda bundles (FUNCTION_BUNDLING in infra/constructs/api-function.ts): ' +
      'fontkit asked to decompress a WOFF2 font, but the forms use TrueType fonts only',
  );
}

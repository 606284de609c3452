/**
 * A font file imported as its bytes. Each runtime gives the same: esbuild's `binary` loader in the
 * Lambda bundle (infra/constructs/api-function.ts), a load hook in the offline cloud
 * (infra/local/esm-interop.ts) and a jest transform (tools/jest-binary-transform.js).
 */
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}

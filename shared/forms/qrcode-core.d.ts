/** qrcode's encoder module (shared/forms/qr.ts): the package's own `create`, typed by @types/qrcode. */
declare module 'qrcode/lib/core/qrcode.js' {
  import type { create } from 'qrcode';
  const QRCode: { create: typeof create };
  export default QRCode;
}

/**
 * The dossier's tracking URL as QR modules, drawn as vector squares (sharp at any zoom or printer).
 *
 * Imports qrcode's encoder module, not the package: the package's entry (lib/server.js) re-exports
 * this very `create` (`exports.create = QRCode.create`) beside its PNG, SVG and terminal renderers,
 * which bring pngjs along: 58 → ~25 KB of getDossierForm's bundle for the same matrix.
 */
import QRCode from 'qrcode/lib/core/qrcode.js';

export interface QrMatrix {
  size: number;
  /** Row-major, true for a dark module. */
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  // M: about 15% of the symbol may be lost (a fold, a stamp) and it still reads.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

// A QR code drawn offline as one SVG path (qrcode-generator does the encoding).
import qrcode from 'qrcode-generator';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module, in module units. */
  d: string;
}

/**
 * The densest code a door screen shows (version 10, 57 modules: about 210 characters of URL). At 13–15 vmin a denser
 * one has modules under 3 px on a 1080p screen and phones fail to read it: no code is better than one nobody scans.
 */
export const MAX_QR_MODULES = 57;

/** The code for `text`, or null when it cannot be made (too long for any QR) or would be too dense to scan. */
export function qrPath(text: string): QrPath | null {
  const qr = qrcode(0, 'M');
  try {
    qr.addData(text);
    qr.make();
  } catch {
    return null; // "code length overflow": longer than the largest QR code holds
  }
  const size = qr.getModuleCount();
  if (size > MAX_QR_MODULES) return null;
  let d = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
  }
  return { size, d };
}

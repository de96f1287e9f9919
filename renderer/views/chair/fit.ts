// The largest font size at which the countdown's shape fits its box: measured once at a reference size, then scaled.

export interface FitInput {
  /** The box the digits must stay inside, px. */
  width: number;
  height: number;
  /** The width of the sizing template rendered at `referenceSize`, px. */
  templateWidth: number;
  referenceSize: number;
  /** The digits' line height as a multiple of the font size. */
  lineHeight: number;
  /** The share of the width the digits may take (a margin so that glyph overhang never clips). */
  fill?: number;
}

export function fitFontSize({
  width,
  height,
  templateWidth,
  referenceSize,
  lineHeight,
  fill = 0.96,
}: FitInput): number {
  if (width <= 0 || height <= 0 || templateWidth <= 0) return 0;
  const byWidth = (width * fill * referenceSize) / templateWidth;
  const byHeight = height / lineHeight;
  return Math.max(0, Math.floor(Math.min(byWidth, byHeight)));
}

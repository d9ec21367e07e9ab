/** Unit conversions used by both renderers; points are the layout engine's unit. */

/** Points per millimetre (72 pt per inch, 25.4 mm per inch). */
export const PT_PER_MM = 72 / 25.4;

/** Points to twentieths of a point (OOXML twips). */
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
/** Millimetres to twips, rounded as Word rounds them. */
export const mmToTwip = (mm: number): number => Math.round(mm * PT_PER_MM * 20);
/** Points to OOXML half-points (`w:sz`). */
export const ptToHalfPt = (pt: number): number => Math.round(pt * 2);

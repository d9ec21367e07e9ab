/** Numbers for SVG attributes. */

/** A number for an SVG attribute: two decimals (a hundredth of a point is far below a pixel). */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

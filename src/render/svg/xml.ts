/** XML text and attribute escaping for the SVG writer (page text comes straight from user input). */

/** Escape text content and attribute values (both quote kinds, so either may delimit). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A number for an SVG attribute: two decimals (a hundredth of a point is far below a pixel). */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

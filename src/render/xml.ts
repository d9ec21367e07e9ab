/**
 * Text into XML, for both renderers (the PDF's XMP packet, the DOCX package pass): the five
 * entities escaped, and the characters XML 1.0 cannot carry at all — C0 controls other than tab,
 * newline and CR, U+FFFE/U+FFFF, lone surrogates — dropped, since even a character reference to
 * them makes Word and PDF/A validators reject the whole file.
 */

/** Characters XML 1.0 forbids. */
// eslint-disable-next-line no-control-regex
export const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Drop the characters XML cannot carry. */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Escape text for XML element content and attribute values. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * docx writes a set of built-in styles into every package (Heading 5/6 in blue, Hyperlink, Strong,
 * TOC 1–9, footnote and endnote styles, Caption, Bibliography…). None is used by a speech, and the
 * coloured ones are what a user finds when browsing the style gallery; Word recreates any built-in
 * it needs (inserting a TOC brings back TOC 1–9). Only the styles the document uses are kept:
 * those the renderer defines, what they are based on or link to, and the default table style.
 * Reference: ECMA-376 Part 1 §17.7.4 (style definitions), §17.7.4.17 (w:default).
 */

const STYLE_ELEMENT = /<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>.*?<\/w:style>/gs;

/** Remove every style not in `keep` nor reachable from one through basedOn/next/link, nor a type default. */
export function dropUnusedStyles(stylesXml: string, keep: Iterable<string>): string {
  const styles = new Map<string, string>();
  for (const m of stylesXml.matchAll(STYLE_ELEMENT)) styles.set(m[1]!, m[0]);
  const kept = new Set<string>();
  const visit = (id: string): void => {
    const xml = styles.get(id);
    if (!xml || kept.has(id)) return;
    kept.add(id);
    for (const ref of xml.matchAll(/<w:(?:basedOn|next|link) w:val="([^"]+)"\/>/g)) visit(ref[1]!);
  };
  for (const id of keep) visit(id);
  for (const [id, xml] of styles) if (/^<w:style\b[^>]*\bw:default="(?:1|true)"/.test(xml)) visit(id);
  return stylesXml.replace(STYLE_ELEMENT, (m, id: string) => (kept.has(id) ? m : ''));
}

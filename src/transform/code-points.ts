/**
 * The length of a text in code points, as `[...text].length` gives it (a lone surrogate counts as
 * one), without making a string per character: the parsers ask it of every line, paragraphs included.
 */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let u = 0; u + 1 < text.length; u++) {
    const c = text.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        u++;
      }
    }
  }
  return n;
}

/**
 * Quotes, dashes, ellipses and the middle dot beside a digit or a Latin letter. Their code points
 * are shared with Latin text, and LibreOffice ignores `w:hint="eastAsia"`, so beside a digit it
 * draws them with the ascii/hAnsi face (a narrow Times quote, a short dash); such runs name the CJK
 * face in every slot, as Word would with the hint.
 * Not done here: squeezing adjacent marks (”、“) to 1.5 cells as the PDF does. LibreOffice ignores
 * `characterSpacingControl` and clamps negative character spacing at about −2.4 pt for 16 pt
 * (measured: −80 tw and −162 tw give the same width), so half a cell (−8.1 pt) cannot be written.
 * Reference: ECMA-376 §17.3.2.26 (rFonts hint).
 */
/** Whether a character must be drawn with the CJK face in every slot. */
export type PunctuationLook = 'cjk' | undefined;

/** Punctuation whose code points Latin text shares: ‘ ’ “ ” — – … ·. */
const SHARED = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2014, 0x2013, 0x2026, 0x00b7]);

/** The look of each UTF-16 unit of `text` (the marks concerned are all in the BMP). */
export function punctuationLooks(text: string): PunctuationLook[] {
  const looks: PunctuationLook[] = new Array(text.length);
  // One pass over the units: most paragraphs have no shared mark beside a digit at all, and every
  // paragraph of the copy comes through here (a per-character array of strings cost ~1 ms a document).
  for (let i = 0; i < text.length; i++) {
    if (!SHARED.has(text.charCodeAt(i))) continue;
    // Look past the rest of a mark sequence (——, ……, ”。) to the characters around it.
    let a = i - 1;
    while (a >= 0 && SHARED.has(text.charCodeAt(a))) a--;
    let b = i + 1;
    while (b < text.length && SHARED.has(text.charCodeAt(b))) b++;
    if (isLatinUnit(text, a) || isLatinUnit(text, b)) looks[i] = 'cjk';
  }
  return looks;
}

/** Whether the unit at `i` is a digit or a Latin letter (false outside the text). */
function isLatinUnit(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

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

/** A digit or a Latin letter (what pulls a shared mark into the Latin face). */
const isLatin = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z\u00c0-\u024f]/.test(ch);

/** The look of each UTF-16 unit of `text` (the marks concerned are all in the BMP). */
export function punctuationLooks(text: string): PunctuationLook[] {
  const chars = text.split('');
  const cps = chars.map((c) => c.charCodeAt(0));
  return chars.map((_, i) => {
    if (!SHARED.has(cps[i]!)) return undefined;
    // Look past the rest of a mark sequence (——, ……, ”。) to the characters around it.
    let a = i - 1;
    while (a >= 0 && SHARED.has(cps[a]!)) a--;
    let b = i + 1;
    while (b < cps.length && SHARED.has(cps[b]!)) b++;
    return isLatin(chars[a]) || isLatin(chars[b]) ? 'cjk' : undefined;
  });
}

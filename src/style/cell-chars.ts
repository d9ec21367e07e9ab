/**
 * Which characters are set in a full character cell of the grid (Han, kana, Hangul, full-width
 * forms, CJK punctuation) and which at their natural width in the Western face (Latin letters,
 * digits, ASCII marks). The style stage picks each character's face by it, the layout its width.
 * Reference: typesetting.md §3.2.
 */

/** Whether a code point is set in a full character cell (Han, kana, full-width forms, CJK punctuation). */
export function isCellChar(cp: number): boolean {
  if (cp < 0x2000) return cp === 0x00b7;
  if (cp >= 0x2e80 && cp <= 0xa4cf) return true; // CJK punctuation, kana, Han: asked first, the most of any text
  return (
    (cp >= 0x2014 && cp <= 0x2015) ||
    (cp >= 0x2018 && cp <= 0x201f) ||
    cp === 0x2026 ||
    cp === 0x2027 ||
    cp === 0x203b ||
    cp === 0x2103 ||
    cp === 0x2116 ||
    (cp >= 0x2160 && cp <= 0x217f) ||
    (cp >= 0x2460 && cp <= 0x24ff) ||
    (cp >= 0x2500 && cp <= 0x27bf) ||
    cp === 0x22ef ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** Characters that take no face decision of their own: default-ignorables (VS, ZWJ) and controls. */
const RIDES_ALONG = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u;

/** Whether a character is drawn with the face of the character before it (or not drawn at all). */
export function ridesAlong(ch: string): boolean {
  return ridesAlongCp(ch.codePointAt(0)!);
}

/** `ridesAlong` of a code point (a lone surrogate is itself). */
export function ridesAlongCp(cp: number): boolean {
  // Printable ASCII, CJK punctuation, Han and full-width forms hold no default-ignorable or control.
  if ((cp >= 0x20 && cp < 0x7f) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xff01 && cp <= 0xff5e)) {
    return false;
  }
  return RIDES_ALONG.test(String.fromCodePoint(cp));
}

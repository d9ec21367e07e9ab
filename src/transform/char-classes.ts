/**
 * Character classes the normalizers and parsers decide by. Each comes as a test of one code point
 * (`…Code`, what the normalizers use: they work on code points, see line-cells.ts) and, where the
 * parsers need it, of one code point given as a string. `NONE` (no character: before the line
 * start, past its end, or a dropped cell) belongs to no class.
 */

/** A Han ideograph (unified, extension A, compatibility, extensions B+) or 〇. */
export function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    cp === 0x3007
  );
}

/** A Han ideograph or 〇, given as a string (its first code point decides). */
export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.codePointAt(0)!);
}

/** Full-width Chinese punctuation, brackets and quotes: ，。、；：？！（）“”‘’《》【】……——·. */
export function isChinesePunctCode(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x303f && cp !== 0x3007) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    cp === 0x2014 || cp === 0x2026 || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 ||
    cp === 0x00b7
  );
}

/** Full-width Chinese punctuation, given as a string (its first code point decides). */
export function isChinesePunct(ch: string | undefined): boolean {
  return !!ch && isChinesePunctCode(ch.codePointAt(0)!);
}

/** Han or Chinese punctuation: what makes the surroundings of an ASCII mark "Chinese context". */
export function isChineseCode(cp: number): boolean {
  return isHanCode(cp) || isChinesePunctCode(cp);
}

/** Han or Chinese punctuation, given as a string. */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isChinesePunct(ch);
}

/** An ASCII Latin letter. */
export function isLatinCode(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** An ASCII digit. */
export function isDigitCode(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/** Horizontal white space, half- or full-width, and the invisible spaces web pages leave behind. */
export function isSpaceCode(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x3000 || cp === 0xa0 || isZeroWidthCode(cp);
}

/** Zero-width characters (U+200B–U+200D, U+2060, U+FEFF): invisible, but they break marker detection. */
export function isZeroWidthCode(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff;
}

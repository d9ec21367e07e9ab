/** Character classes the normalizers and parsers decide by; all take one code point as a string. */

/** A Han ideograph (unified, extension A, compatibility, extensions B+) or 〇. */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const cp = ch.codePointAt(0)!;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    cp === 0x3007
  );
}

/** Full-width Chinese punctuation, brackets and quotes: ，。、；：？！（）“”‘’《》【】……——·. */
export function isChinesePunct(ch: string | undefined): boolean {
  if (!ch) return false;
  const cp = ch.codePointAt(0)!;
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

/** Han or Chinese punctuation: what makes the surroundings of an ASCII mark "Chinese context". */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isChinesePunct(ch);
}

/** An ASCII Latin letter. */
export function isLatin(ch: string | undefined): boolean {
  return !!ch && /^[A-Za-z]$/.test(ch);
}

/** An ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

/** Horizontal white space, half- or full-width, and the invisible spaces web pages leave behind. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || isZeroWidth(ch);
}

/** Zero-width characters (U+200B–U+200D, U+2060, U+FEFF): invisible, but they break marker detection. */
export function isZeroWidth(ch: string | undefined): boolean {
  return ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\u2060' || ch === '\ufeff';
}

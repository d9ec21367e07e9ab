/**
 * How much a decoded string looks like a Chinese or Latin text document. A wrong guess of the
 * encoding gives rare ideographs, private-use and control characters, so a low score means "wrong".
 */

/** Counts behind the score, useful in messages. */
export interface Plausibility {
  /** Share (0–1) of code points that are common in Chinese/Latin documents. */
  share: number;
  /** Number of U+FFFD replacement characters (bytes the decoder could not map). */
  replacements: number;
  /** Number of C0/C1 control characters other than tab, line feed, carriage return, form feed. */
  controls: number;
  /** Share (0–1) of the non-ASCII code points that are Han ideographs or CJK/full-width punctuation. */
  cjkShare: number;
}

/** Whether a code point is one a speech plausibly contains. */
function isCommon(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) || // ASCII printable
    cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c ||
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x2000 && cp <= 0x206f) || // general punctuation: — … “ ” ‘ ’
    (cp >= 0x20a0 && cp <= 0x20bf) || // currency signs €
    (cp >= 0x2100 && cp <= 0x214f) || // letterlike symbols ℃ №
    (cp >= 0x20000 && cp <= 0x2a6df) || // CJK extension B (rare characters in names)
    (cp >= 0x2150 && cp <= 0x218f) || // number forms: Ⅰ Ⅱ
    (cp >= 0x2460 && cp <= 0x24ff) || // enclosed numerals ① ②
    (cp >= 0x2500 && cp <= 0x25ff) || // box drawing, geometric shapes ○ ■
    (cp >= 0x00a0 && cp <= 0x017f) || // Latin-1 supplement, Latin extended-A
    (cp >= 0x0391 && cp <= 0x03c9) || // Greek
    (cp >= 0x0401 && cp <= 0x0451) || // Cyrillic (GB2312 has it)
    cp === 0x00b7 || cp === 0x00d7 || cp === 0x00f7 ||
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals (normalized later)
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs (normalized later)
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    cp === 0xfeff
  );
}

/** Score a decoded string. */
export function plausibility(text: string): Plausibility {
  let total = 0;
  let common = 0;
  let replacements = 0;
  let controls = 0;
  let nonAscii = 0;
  let cjk = 0;
  for (let u = 0; u < text.length; u++) {
    // By code point, read from the code units (no string per character).
    let cp = text.charCodeAt(u);
    if (cp >= 0xd800 && cp <= 0xdbff && u + 1 < text.length) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        u++;
      }
    }
    total++;
    if (cp > 0x7f) {
      nonAscii++;
      if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || cp === 0x201c || cp === 0x201d || cp === 0x2014 || cp === 0x2026) cjk++;
    }
    if (cp === 0xfffd) replacements++;
    else if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && cp !== 0x0c) || (cp >= 0x7f && cp < 0xa0)) controls++;
    if (isCommon(cp)) common++;
  }
  return { share: total === 0 ? 1 : common / total, replacements, controls, cjkShare: nonAscii === 0 ? 1 : cjk / nonAscii };
}

/** Minimum share of common characters for a decoding to be believed (rare names and symbols stay well below 3%). */
export const MIN_SHARE = 0.97;

/**
 * Minimum share of Han/CJK punctuation among non-ASCII characters of a legacy (GB18030, Big5)
 * decoding: a wrong guess yields symbols and rare characters, a Chinese text yields mostly Han.
 */
export const MIN_CJK_SHARE = 0.8;

/** Whether a decoding is good enough to hand on. */
export function isPlausible(p: Plausibility): boolean {
  return p.replacements === 0 && p.controls === 0 && p.share >= MIN_SHARE && p.cjkShare >= MIN_CJK_SHARE;
}

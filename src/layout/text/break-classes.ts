/**
 * Character classes for line breaking and punctuation compression, GB-style level.
 * Reference: W3C clreq "Prohibition Rules for Line Start and Line End", "Punctuation Width
 * Adjustment"; GB/T 15834-2011 §5.1; shared/notes/typesetting.md §3.2, §3.4.
 */

/** Code points that may not begin a line (行首禁则). */
export const NO_START: ReadonlySet<number> = codePoints(
  '、。，：；！？,.:;!?' + // pause and stop marks
    '”’）〕】〗》〉」』］｝)]}' + // closing quotes, brackets, 书名号
    '～\u2013-' + // connectors (a lone U+2014 is added below)
    '·・‧' + // interpuncts
    '/／' + // solidi
    '%％‰℃°′″' + // unit suffixes (keeps "50%" together)
    '\u2026\u22EF', // ellipsis halves: …… moves with the character before it (brief: strict for ……)
  [0x2014],
);

/** Code points that may not end a line (行尾禁则). */
export const NO_END: ReadonlySet<number> = codePoints(
  '“‘（〔【〖《〈「『［｛([{' + // opening quotes, brackets, 书名号
    '/／' + // solidi (GB-style)
    '￥¥＄$£￡#', // currency prefixes (keeps "¥100" together)
);

/** Full-width marks with their blank on the right (ink left): compressible on the right. */
export const PAUSE_MARKS: ReadonlySet<number> = codePoints('、。，：；！？');
/** Closing marks: ink left, blank right. */
export const CLOSING_MARKS: ReadonlySet<number> = codePoints('”’）〕】〗》〉」』］｝');
/** Opening marks: blank left, ink right. */
export const OPENING_MARKS: ReadonlySet<number> = codePoints('“‘（〔【〖《〈「『［｛');

/** Marks that form two-cell unbreakable pairs when doubled: 破折号 —— (also typed as U+2015 ――) and 省略号 ……. */
export const PAIRED_MARKS: ReadonlySet<number> = codePoints('\u2014\u2015\u2026\u22EF');

/** Where a compressible mark keeps its blank; undefined for everything else. */
export type PunctSide = 'open' | 'close';

/** The side of every compressible mark, in one table (asked for every cluster of the text). */
const SIDES: ReadonlyMap<number, PunctSide> = new Map<number, PunctSide>([
  ...[...PAUSE_MARKS, ...CLOSING_MARKS].map((cp): [number, PunctSide] => [cp, 'close']),
  ...[...OPENING_MARKS].map((cp): [number, PunctSide] => [cp, 'open']),
]);

/** The compression side of a full-width mark: 'close' = blank on the right, 'open' = on the left. */
export function punctSide(cp: number): PunctSide | undefined {
  return SIDES.get(cp);
}

// The cell/natural split also decides the face role (style/cell-chars.ts), so it lives there once.
export { isCellChar } from '../../style/cell-chars.ts';
import { isCellChar } from '../../style/cell-chars.ts';

/** Letters and digits of Latin-like scripts: the body of a word or number that never splits. */
export function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  return !isCellChar(cp) && /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));
}

/** Joiners kept inside a word or number when a word character follows: 3.5, 1,000, COVID-19, www.gov.cn. */
export const WORD_JOINERS: ReadonlySet<number> = codePoints(".,:-/'_&+@");
/** Suffixes glued to the end of a number: 3.5%, 30℃. */
export const WORD_SUFFIXES: ReadonlySet<number> = codePoints('%‰°′″');
/** Prefixes glued to the start of a number: $100, ¥100, #3. */
export const WORD_PREFIXES: ReadonlySet<number> = codePoints('$¥£#+');

/** Characters that take no room and are not drawn (controls, zero-width marks). */
export function isInvisible(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff;
}

/** Variation selectors: they ride on the character before them. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function codePoints(s: string, extra: number[] = []): ReadonlySet<number> {
  const set = new Set<number>(extra);
  for (const ch of s) set.add(ch.codePointAt(0)!);
  return set;
}

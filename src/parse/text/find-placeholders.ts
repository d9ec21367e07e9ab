/**
 * Blanks the writer still has to fill: XX, XXX, ××, ＸＸ, ○○, ___, 某某, 【待核实】, 【】.
 * Found on the line as written (before width normalization), so a placeholder keeps its form.
 */

/** One blank in a line. */
export interface PlaceholderSpan {
  /** Code-unit start in the line. */
  start: number;
  /** Code-unit end (exclusive). */
  end: number;
  /** The blank as written. */
  value: string;
}

/** Runs of X/×/Ｘ, circles, underscores, 某某 and bracketed to-do notes. */
const PATTERN = /[XＸ×]{2,}|[○〇]{2,}|[_＿]{2,}|某某|【(?:待[^】\n]{0,8}|[XＸ×○〇_＿\s]*)】/g;
/** Letters that make an X run part of a Latin word (XXL, TEXT). */
const LATIN = /[A-Za-zＡ-Ｚａ-ｚ]/;
/** Chinese numerals around ○/〇 mean a year or number written in Chinese (二〇〇〇年), not a blank. */
const NUMERAL = /[零一二三四五六七八九十〇○]/;

/** Placeholders in `line`, in order. */
export function findPlaceholders(line: string): PlaceholderSpan[] {
  const out: PlaceholderSpan[] = [];
  for (const m of line.matchAll(PATTERN)) {
    const value = m[0];
    const start = m.index;
    const end = start + value.length;
    const before = line[start - 1];
    const after = line[end];
    if (/^[XＸ×]/.test(value)) {
      if ((before && LATIN.test(before)) || (after && LATIN.test(after))) continue;
      // × between digits is multiplication (3××4 never happens; 3×4 has one).
    }
    if (/^[○〇]/.test(value) && ((before && NUMERAL.test(before)) || (after && NUMERAL.test(after)))) continue;
    out.push({ start, end, value });
  }
  return out;
}

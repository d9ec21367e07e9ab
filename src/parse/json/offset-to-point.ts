/** Turning UTF-16 offsets into the lines and columns a user sees in an editor. */
import type { Point } from '../../model/types.ts';
import { lowerBound } from '../../transform/lower-bound.ts';

/**
 * A function from offset to 1-based line and code-point column in `text` (lines end at \n, \r\n
 * or \r). Line starts are indexed once, so locating every node of a large file stays cheap.
 */
export function pointLocator(text: string): (offset: number) => Point {
  const starts = [0];
  // Where surrogate pairs start: a column is code units minus the pairs before it, found by binary
  // search, so a one-line file of a million characters costs no more per node than a short line.
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++);
    }
  }
  /** Pairs starting before `i`. */
  const pairsBefore = (i: number) => lowerBound(pairs.length, (k) => pairs[k]! < i);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    // Columns count code points, so an astral character (𠀀) is one column, as in the model's Point;
    // a pair counts once only when both halves lie before `at`.
    const start = starts[lo]!;
    const column = at - start - (pairsBefore(at - 1) - pairsBefore(start)) + 1;
    return { line: lo + 1, column, offset: at };
  };
}

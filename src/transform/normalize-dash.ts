/**
 * The 破折号 typed as two horizontal bars U+2015 (`――`, common in web copies and the 邓小平文选
 * files) becomes the two em dashes `——` GB/T 15834 4.9 prescribes, in body text as in
 * subtitles: fonts draw U+2015 pairs with a gap or at another height, and search for `——` misses
 * them. Only runs of two or more (a single `―` between years is a range, see normalize-range.ts),
 * and a mixed pair `—―` too.
 */
import type { Change } from './change.ts';
import type { Cell } from './normalize-line.ts';

/** The 破折号's character, U+2014. */
const EM = '—';
/** Horizontal bar, U+2015. */
const BAR = '―';

/** Replace each U+2015 inside a run of two or more dashes with U+2014, recording each change. */
export function normalizeDashes(input: Cell[], changes: Change[]): Cell[] {
  const cells = input.map((c) => ({ ...c }));
  for (let i = 0; i < cells.length; ) {
    let j = i;
    while (j < cells.length && !cells[j]!.locked && (cells[j]!.ch === BAR || cells[j]!.ch === EM)) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) {
        if (cells[k]!.ch !== BAR) continue;
        changes.push({ kind: 'dash', index: cells[k]!.src, from: BAR, to: EM });
        cells[k]!.ch = EM;
      }
    }
    i = Math.max(j, i + 1);
  }
  return cells;
}

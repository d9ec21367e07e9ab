/**
 * The 破折号 typed as two horizontal bars U+2015 (`――`, common in web copies and the 邓小平文选
 * files) becomes the two em dashes `——` GB/T 15834 4.9 prescribes, in body text as in
 * subtitles: fonts draw U+2015 pairs with a gap or at another height, and search for `——` misses
 * them. Only runs of two or more (a single `―` between years is a range, see normalize-range.ts),
 * and a mixed pair `—―` too.
 */
import type { Change } from './change.ts';
import type { LineCells } from './line-cells.ts';

/** The 破折号's character, U+2014. */
const EM = 0x2014;
/** Horizontal bar, U+2015. */
const BAR = 0x2015;

/** Replace each U+2015 inside a run of two or more dashes with U+2014, recording each change. */
export function normalizeDashes(cells: LineCells, changes: Change[]): void {
  const { cp, src, locked } = cells;
  // Only U+2015 is ever replaced: a line without one is left at once.
  let bar = false;
  for (let i = 0; i < cells.length && !bar; i++) bar = cp[i] === BAR;
  if (!bar) return;
  for (let i = 0; i < cells.length; ) {
    let j = i;
    while (j < cells.length && locked[j] === 0 && (cp[j] === BAR || cp[j] === EM)) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) {
        if (cp[k] !== BAR) continue;
        changes.push({ kind: 'dash', index: src[k]!, from: '―', to: '—' });
        cp[k] = EM;
      }
    }
    i = Math.max(j, i + 1);
  }
}

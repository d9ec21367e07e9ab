/** The one judgement behind every numbering rule: does this number follow the previous one? */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Position } from '../model/types.ts';
import { markerNumber } from './numerals.ts';

/** How a number relates to the one before it at the same level. */
export type Step = 'next' | 'gap' | 'repeat' | 'order' | 'missing-first';

/** Classify `n` after `last` (0 = nothing yet at this level since it last restarted). */
export function step(last: number, n: number): Step {
  if (n === last + 1) return 'next';
  if (last === 0) return 'missing-first';
  if (n === last) return 'repeat';
  return n < last ? 'order' : 'gap';
}

/** `“二、”` or `“二、”至“四、”` for the numbers from..to written like `marker`. */
function span(render: (n: number) => string, from: number, to: number): string {
  return from === to ? `“${render(from)}”` : `“${render(from)}”至“${render(to)}”`;
}

/**
 * The finding for marker `marker` (number n) written after number `last`, or undefined when it follows.
 * `quietFirst` skips missing-first (run-in points often resume after an unnumbered paragraph).
 */
export function sequenceFinding(marker: string, last: number, position: Position | undefined, quietFirst = false): Diagnostic | undefined {
  const num = markerNumber(marker);
  if (!num) return undefined;
  const n = num.value;
  const written = `“${marker}”`;
  switch (step(last, n)) {
    case 'next':
      return undefined;
    case 'missing-first':
      if (quietFirst) return undefined;
      return diagnostic('warning', 'numbering/missing-first', `编号缺少开头：${written}之前没有${span(num.render, 1, n - 1)}`, position);
    case 'repeat':
      return diagnostic('warning', 'numbering/repeat', `编号重复：${written}前面已经出现过`, position);
    case 'order':
      return diagnostic('warning', 'numbering/order', `编号顺序颠倒：${written}出现在“${num.render(last)}”之后`, position);
    case 'gap':
      return diagnostic('warning', 'numbering/gap', `编号不连续：${written}之前缺少${span(num.render, last + 1, n - 1)}`, position);
  }
}

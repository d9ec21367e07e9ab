/**
 * numbering/gap, numbering/repeat, numbering/order for run-in points: 一是… 二是… (or 第一，… 第二，…)
 * within a paragraph and across consecutive paragraphs. A point sequence restarts at 一 and after any
 * heading; a missing 一是 is not reported, since points often resume after a paragraph without one.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { markerNumber } from './numerals.ts';
import { sequenceFinding } from './sequence.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';

// A point marker opens the paragraph, a sentence (after 。；！？ or a colon) or a clause: writers
// often run points on with a comma (一是培育主导产业，二是壮大市场主体。), and a 二是 missed there made
// the 三是 after it a false gap.
const POINT = /(?<=^|[。；！？：，,]\s*)(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})[，、：,])/g;

/** Findings for run-in point numbering. */
export function checkPointNumbering({ units }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = new Map<string, number>(); // by style: 是 (一是) or 第 (第一，)
  for (const u of units) {
    if (u.kind === 'heading') last.clear();
    if (u.kind !== 'paragraph') continue;
    const first = u.block?.type === 'paragraph' ? u.block.children[0] : undefined;
    if (first?.type === 'lead' && first.kind === 'heading') last.clear();
    for (const m of u.text.matchAll(POINT)) {
      const style = m[1] ? '是' : '第';
      const marker = m[1] ? `${m[1]}是` : `第${m[2]}`;
      const num = markerNumber(marker);
      if (!num) continue;
      if (num.value !== 1) {
        const finding = sequenceFinding(marker, last.get(style) ?? 0, positionAt(u, m.index, marker.length), true);
        if (finding) out.push(finding);
      }
      last.set(style, num.value);
    }
  }
  return out;
}

/**
 * Keep rules as arithmetic: how many lines of a block go on a page with `room` grid lines left.
 * 0 means "start it on the next page". Headings and the salutation are kept with the next block's
 * first line. The official preset fills the block (GB/T 9704 5.2.3 撑满版心): a paragraph splits
 * after any line (`minLinesAtBreak` 1), and a page ends short only to keep a heading off its
 * bottom or to not carry a paragraph's 孤字 last line alone to the next page. The reading preset
 * leaves and carries at least `minLinesAtBreak` lines (2).
 * Reference: GB/T 9704-2012 5.2.3; clreq "Handling of Widows and Orphans"; typesetting.md §3.7.
 */
import type { Preset } from '../../style/preset.ts';
import type { FlowBlock, FlowLine } from './flow.ts';

/** Lines of a paragraph with `n` lines left to place that fit in `room`, per widow/orphan rules. */
export function paragraphSplit(n: number, room: number, minLines: number, loneLast = false): number {
  if (n <= room) return n;
  let p = room;
  if (n - p < minLines) p = n - minLines;
  // A 孤字 line never starts a page alone: it takes the line above along.
  if (loneLast && n - p === 1) p -= 1;
  return p < Math.max(1, minLines) ? 0 : p;
}

/** Whether a line holds one character (Han, kana…) and nothing but punctuation: a 孤字 line. */
export function isLoneCharLine(f: FlowLine | undefined): boolean {
  if (!f) return false;
  let letters = 0;
  for (const r of f.line.runs) for (const ch of r.text) if (/[\p{L}\p{N}]/u.test(ch) && ++letters > 1) return false;
  return letters === 1;
}

/** How many lines of blocks[i] to put on the current page, with `room` lines left on it. */
export function linesAt(blocks: readonly FlowBlock[], i: number, room: number, preset: Preset, depth = 0): number {
  const b = blocks[i];
  if (!b || room <= 0) return 0;
  if (b.type === 'blank') return 1;
  if (b.type === 'table') {
    const first = (b.header?.height ?? 0) + (b.rows[0]?.height ?? 0);
    return first <= room ? 1 : 0;
  }
  const n = b.lines.length;
  let q: number;
  if (b.split === 'free') q = Math.min(n, room);
  else if (b.split === 'never') q = n <= room ? n : 0;
  else if (preset.keepParagraphsWhole && n > room && n <= preset.linesPerPage) q = 0;
  else q = paragraphSplit(n, room, preset.minLinesAtBreak, isLoneCharLine(b.lines[n - 1]));
  if (q === 0 || !b.keepWithNext || q < n || i + 1 >= blocks.length) return q;
  // Keep with next: the next block must put at least one line on this page too (a short chain).
  if (depth > 8) return q;
  return linesAt(blocks, i + 1, room - q, preset, depth + 1) > 0 ? q : 0;
}

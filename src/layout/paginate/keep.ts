/**
 * Keep rules as arithmetic: how many lines of a block go on a page with `room` grid lines left.
 * 0 means "start it on the next page". Headings and the salutation are kept with the next block's
 * first line; paragraphs leave and carry at least `minLinesAtBreak` lines (widow/orphan control,
 * so a 2-line paragraph moves whole); the reading preset keeps a paragraph whole where it fits.
 * Reference: clreq "Handling of Widows and Orphans"; typesetting.md §3.7.
 */
import type { Preset } from '../../style/preset.ts';
import type { FlowBlock } from './flow.ts';

/** Lines of a paragraph with `n` lines left to place that fit in `room`, per widow/orphan rules. */
export function paragraphSplit(n: number, room: number, minLines: number): number {
  if (n <= room) return n;
  let p = room;
  if (n - p < minLines) p = n - minLines;
  return p < minLines ? 0 : p;
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
  else q = paragraphSplit(n, room, preset.minLinesAtBreak);
  if (q === 0 || !b.keepWithNext || q < n || i + 1 >= blocks.length) return q;
  // Keep with next: the next block must put at least one line on this page too (a short chain).
  if (depth > 8) return q;
  return linesAt(blocks, i + 1, room - q, preset, depth + 1) > 0 ? q : 0;
}

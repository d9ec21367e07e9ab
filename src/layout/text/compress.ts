/**
 * Punctuation width adjustment (标点挤压). GB marks sit in one side of their cell: 、，。：；！？ and
 * closing marks keep their blank on the right, opening marks on the left. Two adjacent marks take
 * 1.5 cells (the blank half of the first removed); a mark ending a line may be set in half a cell;
 * a lone mark inside a line gives up at most a quarter of its cell when a line must squeeze
 * (push-in), so no mid-line mark reads as half-width unless it belongs to a group of marks.
 * Reference: clreq "Punctuation Width Adjustment"; GB/T 15834-2011 5.1.10; typesetting.md §3.4.
 */
import type { Cluster } from './cluster.ts';

/** Share of a cell that a full-width mark's blank side takes (GB marks fill half their cell). */
export const MARK_BLANK = 0.5;
/** Share of its cell a lone mark may give up inside a line: it keeps at least ¾ of the cell. */
export const MID_LINE_SHRINK = 0.25;

/** U+0020 and U+3000: a space ending a line takes no room, and none starts a line. */
function isSpace(c: Cluster): boolean {
  const t = c.glyphs.length === 1 ? c.glyphs[0]!.text : '';
  return t === ' ' || t === '\u3000';
}

/**
 * Set compression widths on full-width marks (and line-end widths of spaces), in place. A mark's
 * side came with its cluster (make-cluster.ts: a compressible mark alone in one cell).
 */
export function compressPunctuation(clusters: Cluster[]): void {
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    if (c.han) continue; // neither a mark nor a space: most of the text, decided by one field
    if (isSpace(c)) {
      c.endWidthPt = 0;
      c.noStart = true;
    }
    const side = c.side;
    if (!side) continue;
    const next = clusters[i + 1];
    const half = c.cellPt * MARK_BLANK;
    c.endShrinkPt = side === 'close' ? half : 0;
    if (next?.side && next.glyphs[0]!.style.sizePt === c.glyphs[0]!.style.sizePt) {
      // Adjacent marks: drop the first one's blank half for good (it returns if the pair is split).
      c.pairFirst = true;
      c.widthPt = c.cellPt - half;
      c.shrinkPt = 0;
    } else {
      c.shrinkPt = c.cellPt * MID_LINE_SHRINK;
    }
  }
}

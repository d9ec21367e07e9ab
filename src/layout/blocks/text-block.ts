/**
 * One block of running text (paragraph, heading, salutation, title-block line, credit, table cell)
 * → lines: segment, break, set each line justified (all but the last) or centred.
 */
import type { PlacedLine } from '../types.ts';
import type { LayoutContext } from '../context.ts';
import type { FlowLine } from '../paginate/flow.ts';
import { segment, type StyledSpan } from '../text/segment.ts';
import { breakLines, LineMetrics, type LineRange } from '../text/break-lines.ts';
import { setLine } from '../text/justify.ts';
import { buildRuns } from '../text/runs.ts';

/** How a text block is set. */
export interface TextBlockOptions {
  /** First-line indent in cells of the block's first style. */
  indentCells: number;
  /** Justified (flush both edges but the last line), every line centred, or every line flush right. */
  align: 'justify' | 'center' | 'right';
  /** Cells left empty at the right end of right-aligned lines (右空二字). */
  endIndentCells?: number;
  /** Left edge of the measure, in points (the block's left edge unless a table cell). */
  leftPt: number;
  /** Width of the measure. */
  widthPt: number;
  /** Break positions chosen by the caller (title balancing) instead of the breaker. */
  ranges?: (m: LineMetrics) => LineRange[];
}

/** Set a block of styled text into lines. */
export function layoutTextBlock(ctx: LayoutContext, spans: readonly StyledSpan[], o: TextBlockOptions): FlowLine[] {
  const clusters = segment(spans, ctx.faces, o.widthPt);
  if (clusters.length === 0) return [];
  const sizePt = clusters[0]!.glyphs[0]!.style.sizePt;
  const indent = o.indentCells * clusters[0]!.cellPt;
  const m = new LineMetrics(clusters);
  const ranges = o.ranges
    ? o.ranges(m)
    : breakLines(clusters, { firstWidthPt: o.widthPt - indent, widthPt: o.widthPt }, m);
  return ranges.map((r, i): FlowLine => {
    const last = i === ranges.length - 1;
    const ind = i === 0 ? indent : 0;
    const avail = o.widthPt - ind;
    let x = o.leftPt + ind;
    if (o.align === 'center') x = o.leftPt + (o.widthPt - Math.min(m.natural(r.start, r.end), o.widthPt)) / 2;
    if (o.align === 'right') {
      const end = (o.endIndentCells ?? 0) * clusters[0]!.cellPt;
      x = Math.max(o.leftPt, o.leftPt + o.widthPt - end - m.natural(r.start, r.end));
    }
    const set = setLine(m, r, x, avail, o.align === 'justify' && !last);
    const line: PlacedLine = { baselinePt: 0, gridLine: 0, xPt: x, widthPt: set.widthPt, runs: buildRuns(set.glyphs), last };
    return { line, sizePt };
  });
}

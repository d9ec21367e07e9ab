/**
 * One block of running text (paragraph, heading, salutation, title-block line, credit, table cell)
 * → lines: segment, break, set each line justified (all but the last) or centred.
 */
import type { PlacedLine } from '../types.ts';
import type { LayoutContext } from '../context.ts';
import type { FlowLine } from '../paginate/flow.ts';
import { segment, type StyledSpan } from '../text/segment.ts';
import type { Cluster } from '../text/cluster.ts';
import { breakLines, LineMetrics, type LineRange } from '../text/break-lines.ts';
import { PlacedGlyphs, setLine } from '../text/justify.ts';
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
  /**
   * Lines after the first start under the character at this UTF-16 offset of the block's text, where
   * it stands on the first line (a wrapped attachment name under its first character).
   */
  hangAtUnit?: number;
}

/** Cluster index where the UTF-16 offset `unit` of the clusters' text begins; undefined inside a cluster or past the end. */
function clusterAt(clusters: readonly Cluster[], unit: number): number | undefined {
  let at = 0;
  for (let k = 0; k < clusters.length; k++) {
    if (at === unit) return k;
    if (at > unit) return undefined;
    for (const g of clusters[k]!.glyphs) at += g.text.length;
  }
  return undefined;
}

/**
 * The indent of the lines after the first, in points from the measure's left edge, when the block
 * hangs (`hangAtUnit`): the first line's indent plus the natural width of the text before that
 * character, at most half the measure. One function for the handout and the Word copy's indent.
 */
export function hangIndentPt(clusters: readonly Cluster[], m: LineMetrics, indentPt: number, widthPt: number, hangAtUnit: number | undefined): number {
  if (hangAtUnit === undefined) return 0;
  const k = clusterAt(clusters, hangAtUnit);
  return k === undefined || k === 0 ? 0 : Math.min(indentPt + m.offset(0, k), widthPt / 2);
}

/** The hang (`hangIndentPt`) of a block's text set with these options, for a renderer that sets the lines itself (the Word copy). */
export function textBlockHangPt(ctx: LayoutContext, spans: readonly StyledSpan[], o: TextBlockOptions): number {
  const clusters = segment(spans, ctx.faces, o.widthPt);
  if (clusters.length === 0) return 0;
  return hangIndentPt(clusters, new LineMetrics(clusters), o.indentCells * clusters[0]!.cellPt, o.widthPt, o.hangAtUnit);
}

/** Set a block of styled text into lines. */
export function layoutTextBlock(ctx: LayoutContext, spans: readonly StyledSpan[], o: TextBlockOptions): FlowLine[] {
  const clusters = segment(spans, ctx.faces, o.widthPt);
  if (clusters.length === 0) return [];
  const sizePt = clusters[0]!.glyphs[0]!.style.sizePt;
  const indent = o.indentCells * clusters[0]!.cellPt;
  const m = new LineMetrics(clusters);
  const hang = hangIndentPt(clusters, m, indent, o.widthPt, o.hangAtUnit);
  const ranges = o.ranges
    ? o.ranges(m)
    : breakLines(clusters, { firstWidthPt: o.widthPt - indent, widthPt: o.widthPt - hang }, m);
  const placed = new PlacedGlyphs();
  return ranges.map((r, i): FlowLine => {
    const last = i === ranges.length - 1;
    const ind = i === 0 ? indent : hang;
    const avail = o.widthPt - ind;
    let x = o.leftPt + ind;
    if (o.align === 'center') x = o.leftPt + (o.widthPt - Math.min(m.natural(r.start, r.end), o.widthPt)) / 2;
    if (o.align === 'right') {
      const end = (o.endIndentCells ?? 0) * clusters[0]!.cellPt;
      x = Math.max(o.leftPt, o.leftPt + o.widthPt - end - m.natural(r.start, r.end));
    }
    const set = setLine(m, r, x, avail, o.align === 'justify' && !last, placed);
    const line: PlacedLine = { baselinePt: 0, gridLine: 0, xPt: x, widthPt: set.widthPt, runs: buildRuns(set.glyphs), last };
    return { line, sizePt };
  });
}

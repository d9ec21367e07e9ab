/**
 * Styled text blocks → flow blocks. How each block looks was settled by the style stage; here it
 * is set into lines: justified with its first-line indent, centred (title-block lines, the title
 * in the lines the writer broke it into, each balanced when too long) or flush right (落款). Headings and the salutation keep with the next block,
 * title-block lines stay whole, paragraphs and credits split under widow/orphan control.
 * Reference: GB/T 9704-2012 7.3; typesetting.md §1.3, §2.1–2.3.
 */
import type { StyledRun, StyledTextBlock } from '../../style/types.ts';
import type { FlowBlock, FlowIdentity } from '../paginate/flow.ts';
import { spansOf, type LayoutContext } from '../context.ts';
import { layoutTextBlock, textBlockHangPt } from './text-block.ts';
import { titleRanges } from './balance-title.ts';
import type { LineMetrics } from '../text/break-lines.ts';

/** The flow identity of a styled block. */
export function identity(block: StyledTextBlock | { role: 'table'; tag: 'Table'; node: number; source?: FlowIdentity['source'] }, index: number): FlowIdentity {
  const id: FlowIdentity = { block: index, role: block.role, tag: block.tag };
  if (block.node !== undefined) id.node = block.node;
  if ('depth' in block && block.depth) id.depth = block.depth;
  if (block.source) id.source = block.source;
  return id;
}

/** Title-block lines broken at word boundaries and balanced (balance-title.ts; the DOCX asks titleBreaks for the same). */
const BALANCED = new Set(['title', 'subtitle', 'originalTitle']);

/** The block's runs cut where the writer broke the line (a title in its written lines). */
function writtenLines(runs: readonly StyledRun[]): StyledRun[][] {
  const out: StyledRun[][] = [[]];
  for (const r of runs) {
    if (r.breakBefore && out[out.length - 1]!.length > 0) out.push([]);
    out[out.length - 1]!.push(r);
  }
  return out;
}

/** Lay out one styled text block. */
export function layoutStyledText(ctx: LayoutContext, block: StyledTextBlock, index: number): FlowBlock[] {
  const g = ctx.geom;
  const centred = block.align !== 'justify';
  const lines = writtenLines(block.runs).flatMap((runs, k) => layoutTextBlock(ctx, spansOf(ctx, runs), {
    indentCells: k === 0 ? block.indentChars : 0, align: block.align, leftPt: g.blockLeftPt, widthPt: g.blockWidthPt,
    ...(block.endIndentChars !== undefined ? { endIndentCells: block.endIndentChars } : {}),
    ...(k === 0 && block.hangAt !== undefined ? { hangAtUnit: block.hangAt } : {}),
    ...(BALANCED.has(block.role) ? { ranges: (m: LineMetrics) => titleRanges(m, g.blockWidthPt) } : {}),
  }));
  if (lines.length === 0) return [];
  if (centred) for (const l of lines) l.line.last = true; // centred and right-aligned lines are never stretched
  const id = identity(block, index);
  if (centred) return [{ type: 'lines', id, lines, keepWithNext: true, split: 'never' }];
  if (block.role === 'heading') {
    return [{ type: 'lines', id, lines, keepWithNext: true, split: 'never', outline: { title: block.outline ?? '', depth: block.depth ?? 1 } }];
  }
  return [{ type: 'lines', id, lines, keepWithNext: block.role === 'salutation', split: 'paragraph' }];
}

/**
 * Where the lines after the first of a hanging block (`StyledTextBlock.hangAt`) start, in points
 * from the text block's left edge, as the handout sets them; 0 for a block that does not hang.
 * The Word copy writes the same indent.
 */
export function styledTextHangPt(ctx: LayoutContext, block: StyledTextBlock): number {
  if (block.hangAt === undefined) return 0;
  const runs = writtenLines(block.runs)[0] ?? [];
  const g = ctx.geom;
  return textBlockHangPt(ctx, spansOf(ctx, runs), { indentCells: block.indentChars, align: block.align, leftPt: g.blockLeftPt, widthPt: g.blockWidthPt, hangAtUnit: block.hangAt });
}

/**
 * Body blocks → flow blocks: headings (role by depth, indent 2, kept with the next block),
 * paragraphs (body role, indent 2, justified, widow/orphan control), the salutation (flush left),
 * tables, and the credit lines at the end.
 * Reference: GB/T 9704-2012 7.3.2–7.3.3; typesetting.md §1.3, §2.3.
 */
import type { Block, Credit } from '../../model/types.ts';
import type { StructureTag } from '../types.ts';
import { textStyle, type LayoutContext } from '../context.ts';
import type { FlowBlock } from '../paginate/flow.ts';
import { inlineSpans, inlineText } from './inline-spans.ts';
import { layoutTextBlock } from './text-block.ts';
import { layoutTable } from './table.ts';

/** Lay out one body block. */
export function layoutBodyBlock(ctx: LayoutContext, block: Block): FlowBlock[] {
  const p = ctx.preset;
  const g = ctx.geom;
  const common = { blockIndex: ctx.nextBlock++, leftPt: g.blockLeftPt, widthPt: g.blockWidthPt, align: 'justify' as const,
    ...(block.position ? { source: block.position } : {}) };
  switch (block.type) {
    case 'heading': {
      const style = textStyle(ctx, p.headingRoles[block.depth], p.headingSizePt, p.headingBold[block.depth]);
      const spans = inlineSpans(ctx, block.children, style, block.marker ? [{ text: block.marker, style, ...(block.position ? { position: block.position } : {}) }] : []);
      const tag = `H${block.depth}` as StructureTag;
      const lines = layoutTextBlock(ctx, spans, { ...common, kind: 'heading', tag, indentCells: p.firstLineIndentChars });
      const outline = { title: block.marker + inlineText(block.children), depth: block.depth };
      return lines.length ? [{ type: 'lines', lines, keepWithNext: true, split: 'never', outline }] : [];
    }
    case 'paragraph':
    case 'salutation': {
      const spans = inlineSpans(ctx, block.children, textStyle(ctx, 'body', p.bodySizePt));
      const para = block.type === 'paragraph';
      const lines = layoutTextBlock(ctx, spans, { ...common, kind: para ? 'body' : 'salutation', tag: 'P', indentCells: para ? p.firstLineIndentChars : 0 });
      return lines.length ? [{ type: 'lines', lines, keepWithNext: !para, split: 'paragraph' }] : [];
    }
    case 'table':
      return [layoutTable(ctx, block, common.blockIndex)];
    default:
      throw new Error(`[layout] Cannot handle unknown block \`${(block as { type: string }).type}\``);
  }
}

/** Credit lines (编辑：…) after a blank grid line, flush left. */
export function layoutCredits(ctx: LayoutContext, credits: readonly Credit[]): FlowBlock[] {
  if (!ctx.preset.printCredits || credits.length === 0) return [];
  const out: FlowBlock[] = [{ type: 'blank' }];
  const style = textStyle(ctx, 'body', ctx.preset.bodySizePt);
  for (const c of credits) {
    const lines = layoutTextBlock(ctx, [{ text: `${c.label}：${c.value}`, style, ...(c.position ? { position: c.position } : {}) }], {
      kind: 'credit', tag: 'P', blockIndex: ctx.nextBlock++, indentCells: 0, align: 'justify',
      leftPt: ctx.geom.blockLeftPt, widthPt: ctx.geom.blockWidthPt, ...(c.position ? { source: c.position } : {}),
    });
    out.push({ type: 'lines', lines, keepWithNext: false, split: 'paragraph' });
  }
  return out;
}

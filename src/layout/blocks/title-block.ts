/**
 * The title block: balanced title lines (title role, centred), subtitle, a blank grid line, speaker
 * and date lines (skipped when absent, without doubling the blank), a blank grid line, then the body.
 * Reference: typesetting.md §2.1, §2.3.
 */
import type { SpeechMeta } from '../../model/types.ts';
import type { FontRole } from '../../fonts/roles.ts';
import type { LineKind, StructureTag } from '../types.ts';
import { textStyle, type LayoutContext } from '../context.ts';
import type { FlowBlock } from '../paginate/flow.ts';
import { layoutTextBlock } from './text-block.ts';
import { titleRanges } from './balance-title.ts';

type MetaLine = 'title' | 'subtitle' | 'speaker' | 'date' | 'originalTitle';

function metaLines(ctx: LayoutContext, meta: SpeechMeta, field: MetaLine, text: string | undefined): FlowBlock[] {
  if (!text || text.trim() === '') return [];
  const p = ctx.preset;
  const isTitle = field === 'title';
  const role: FontRole = isTitle ? 'title' : 'titleBlock';
  const style = textStyle(ctx, role, isTitle ? p.titleSizePt : p.titleBlockSizePt);
  const kind: LineKind = field;
  const tag: StructureTag = isTitle ? 'Title' : 'P';
  const width = ctx.geom.blockWidthPt;
  const position = meta.positions?.[field];
  const lines = layoutTextBlock(ctx, [{ text: text.trim(), style, ...(position ? { position } : {}) }], {
    kind, tag, blockIndex: ctx.nextBlock++, indentCells: 0, align: 'center', leftPt: ctx.geom.blockLeftPt, widthPt: width,
    ...(position ? { source: position } : {}),
    // Title and subtitle lines break at word boundaries, balanced (the DOCX asks titleBreaks for the same).
    ranges: field === 'speaker' || field === 'date' ? undefined : (m) => titleRanges(m, width),
  });
  for (const l of lines) l.line.last = true; // centred lines are never stretched
  return [{ type: 'lines', lines, keepWithNext: true, split: 'never' }];
}

/** Lay out the title block; empty when the speech has no title, subtitle, speaker or date. */
export function layoutTitleBlock(ctx: LayoutContext, meta: SpeechMeta): FlowBlock[] {
  const out: FlowBlock[] = [];
  out.push(...metaLines(ctx, meta, 'title', meta.title));
  out.push(...metaLines(ctx, meta, 'subtitle', meta.subtitle));
  if (ctx.preset.printOriginalTitle && meta.originalTitle && meta.originalTitle !== meta.title) {
    out.push(...metaLines(ctx, meta, 'originalTitle', `（原标题：${meta.originalTitle}）`));
  }
  const byline = [...metaLines(ctx, meta, 'speaker', meta.speaker), ...metaLines(ctx, meta, 'date', meta.date)];
  if (byline.length > 0) out.push({ type: 'blank' }, ...byline);
  if (out.length > 0) out.push({ type: 'blank' });
  return out;
}

/**
 * The CJK layout engine: styled speech + font metrics in, the frame (pages of positioned blocks,
 * lines and runs) out. Pure: no fonts are read and nothing is drawn here (the PDF renderer draws
 * the result), and nothing about how text looks is decided here (the style stage did that).
 * Reference: GB/T 9704-2012; W3C clreq; shared/notes/typesetting.md §3, §6.
 */
import type { Speech } from '../model/types.ts';
import type { Preset } from '../style/preset.ts';
import type { StyledSpeech } from '../style/types.ts';
import { styleSpeech } from '../style/style-speech.ts';
import type { Warned } from '../diagnostics/diagnostic.ts';
import type { Measurer, Page, PagedDocument } from './types.ts';
import { createContext } from './context.ts';
import type { FlowBlock } from './paginate/flow.ts';
import { layoutStyledText } from './blocks/text-blocks.ts';
import { layoutTable } from './blocks/table.ts';
import { EM_BOX_CENTRE_TO_BASELINE, paginate } from './paginate/paginate.ts';
import { pageNumberLine } from './page-number.ts';

export type * from './types.ts';
export { dumpLayout } from './dump.ts';
export { pageLines } from './frame-lines.ts';

/** Face keys drawn by some run, sorted. */
function facesUsed(pages: Page[]): string[] {
  const used = new Set<string>();
  for (const page of pages) {
    for (const b of page.blocks) {
      const lines = b.type === 'text' ? b.lines : b.rows.flatMap((r) => r.cells.flatMap((c) => c.lines));
      for (const line of lines) for (const run of line.runs) used.add(run.faceKey);
    }
    for (const line of page.footer) for (const run of line.runs) used.add(run.faceKey);
  }
  return [...used].sort();
}

/** Lay out a styled speech on pages. */
export function layoutStyled(styled: StyledSpeech, measurer: Measurer): PagedDocument {
  const ctx = createContext(styled.preset, measurer);
  const blocks: FlowBlock[] = [];
  styled.blocks.forEach((b, i) => {
    for (let k = 0; k < b.blankLinesBefore; k++) blocks.push({ type: 'blank' });
    if (b.type === 'table') blocks.push(layoutTable(ctx, b, i));
    else blocks.push(...layoutStyledText(ctx, b, i));
  });
  const { pages, outline } = paginate(ctx, blocks);
  for (const page of pages) page.footer.push(pageNumberLine(ctx, page.number, pages.length));
  const { pageWidthPt: _width, pageHeightPt: _height, ...blockGeometry } = ctx.geom;
  return {
    widthPt: ctx.geom.pageWidthPt,
    heightPt: ctx.geom.pageHeightPt,
    pages,
    outline,
    meta: styled.meta,
    facesUsed: facesUsed(pages),
    grid: { ...blockGeometry, baselineBelowCentreEm: EM_BOX_CENTRE_TO_BASELINE },
  };
}

/**
 * Style and lay out a speech in one call. The diagnostics are the style stage's (missing glyphs,
 * fallback faces); layout itself finds nothing to report.
 */
export function layoutSpeech(speech: Speech, preset: Preset, measurer: Measurer): Warned<PagedDocument> {
  const styled = styleSpeech(speech, preset, measurer);
  return { value: layoutStyled(styled.value, measurer), diagnostics: styled.diagnostics };
}

/**
 * The CJK layout engine: speech model + preset + font metrics in, pages of positioned runs out.
 * Pure: no fonts are read and nothing is drawn here (the PDF renderer draws the result).
 * Reference: GB/T 9704-2012; W3C clreq; shared/notes/typesetting.md §3, §6.
 */
import type { Speech } from '../model/types.ts';
import type { Preset } from '../style/preset.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Measurer, Page, PagedDocument } from './types.ts';
import { createContext } from './context.ts';
import type { FlowBlock } from './paginate/flow.ts';
import { layoutTitleBlock } from './blocks/title-block.ts';
import { layoutBodyBlock, layoutCredits } from './blocks/body-block.ts';
import { EM_BOX_CENTRE_TO_BASELINE, paginate } from './paginate/paginate.ts';
import { pageNumberLine } from './page-number.ts';

export type * from './types.ts';
export { dumpLayout } from './dump.ts';

/** Face keys drawn by some run, sorted. */
function facesUsed(pages: Page[]): string[] {
  const used = new Set<string>();
  for (const page of pages) for (const line of [...page.lines, ...page.footer]) for (const run of line.runs) used.add(run.faceKey);
  return [...used].sort();
}

/** Options of `layoutSpeech`. */
export interface LayoutOptions {
  /** Draft output: placeholders are flagged for highlighting (they always are; kept for symmetry). */
  draft?: boolean;
}

/** Lay out a speech on pages. Missing glyphs come back as `fonts/missing-glyph` warnings. */
export function layoutSpeech(
  speech: Speech,
  preset: Preset,
  measurer: Measurer,
  options: LayoutOptions = {},
): { document: PagedDocument; diagnostics: Diagnostic[] } {
  const ctx = createContext(preset, measurer, options.draft ?? false);
  const blocks: FlowBlock[] = layoutTitleBlock(ctx, speech.meta);
  for (const block of speech.children) blocks.push(...layoutBodyBlock(ctx, block));
  blocks.push(...layoutCredits(ctx, speech.meta.credits));
  const { pages, outline } = paginate(ctx, blocks);
  for (const page of pages) page.footer.push(pageNumberLine(ctx, page.number, pages.length));
  const { pageWidthPt: _width, pageHeightPt: _height, ...blockGeometry } = ctx.geom;
  const document: PagedDocument = {
    widthPt: ctx.geom.pageWidthPt,
    heightPt: ctx.geom.pageHeightPt,
    pages,
    outline,
    meta: speech.meta,
    facesUsed: facesUsed(pages),
    grid: { ...blockGeometry, baselineBelowCentreEm: EM_BOX_CENTRE_TO_BASELINE },
  };
  return { document, diagnostics: ctx.faces.diagnostics };
}

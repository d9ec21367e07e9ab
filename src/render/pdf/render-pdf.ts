/**
 * PagedDocument → PDF bytes. Draw only: every decision about breaking, spacing and position was
 * made by the layout; this adds pages, draws runs where they were placed, and writes bookmarks,
 * structure tags, page labels and metadata.
 */
import type { PagedDocument, Page, PlacedLine } from '../../layout/types.ts';
import type { FontSet } from '../../fonts/types.ts';
import { addPageLabels, createDocument } from './create-document.ts';
import { drawLine, drawPlaceholderHighlights, drawRules } from './draw-line.ts';
import { addOutline } from './outline.ts';
import { Tagger } from './tagging.ts';
import { pageLines } from '../../layout/frame-lines.ts';
import { collectOutput } from '../../adapters/pdfkit.ts';

/** How to write the PDF. */
export interface PdfOptions {
  /** CreationDate and ModDate (the CLI passes one derived from SOURCE_DATE_EPOCH); default now. */
  date?: Date;
  /** Highlight placeholder runs with a light yellow box behind the text. */
  draft?: boolean;
  /** Write PDF/A-2b (sRGB output intent, pdfaid in the XMP). */
  pdfa?: boolean;
  /** Info Creator (default `speechdoc`). */
  creator?: string;
  /** Info Keywords. */
  keywords?: string[];
}

const NO_MARGINS = { top: 0, left: 0, right: 0, bottom: 0 };

function drawPage(pdf: PDFKit.PDFDocument, doc: PagedDocument, page: Page, tagger: Tagger, draft: boolean): void {
  pdf.addPage({ size: [doc.widthPt, doc.heightPt], margins: NO_MARGINS });
  const lines = pageLines(page).map((l) => l.line);
  const hasHighlights = draft && lines.some((l) => l.runs.some((r) => r.placeholder));
  const rules = page.blocks.flatMap((b) => (b.type === 'table' ? b.rules : []));
  if (hasHighlights || rules.length > 0) {
    tagger.artifact('Layout', () => {
      if (hasHighlights) drawPlaceholderHighlights(pdf, lines);
      drawRules(pdf, rules);
    });
  }
  const draw = (line: PlacedLine) => drawLine(pdf, line);
  for (const block of page.blocks) {
    if (block.type === 'text') tagger.text(block, draw);
    else tagger.table(block, draw);
  }
  if (page.footer.length > 0) tagger.artifact('Pagination', () => page.footer.forEach(draw));
}

/** Draw a laid-out document as a PDF. */
export async function renderPdf(doc: PagedDocument, fonts: FontSet, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = createDocument(doc, fonts, {
    date: options.date ?? new Date(),
    pdfa: options.pdfa ?? false,
    creator: options.creator ?? 'speechdoc',
    keywords: options.keywords ?? [],
  });
  const bytes = collectOutput(pdf);
  const tagger = new Tagger(pdf);
  for (const page of doc.pages) drawPage(pdf, doc, page, tagger, options.draft ?? false);
  tagger.finish();
  addOutline(pdf, doc.outline, doc.pages.length, doc.heightPt);
  addPageLabels(pdf, doc);
  pdf.end();
  return bytes;
}

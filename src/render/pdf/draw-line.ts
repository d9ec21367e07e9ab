/**
 * Drawing positioned lines. The layout has already broken, justified and placed every run, so
 * nothing may wrap, justify or move anything: each run is shown at its x on the line's baseline
 * with its `Tc` (`showText`, which writes what pdfkit's `text()` with `lineBreak: false` would).
 */
import type { PlacedLine, PlacedRule, PlacedRun } from '../../layout/types.ts';
import { selectFont, showText } from '../../adapters/pdfkit.ts';

/** Stroke width of synthetic bold, in em: visibly heavier without closing the counters of Han glyphs. */
const FAUX_BOLD_EM = 0.03;

/** A piece of a run shown with one `showText` call. */
interface Piece {
  /** Its characters. */
  text: string;
  /** Left edge of its first glyph. */
  x: number;
}

/** Whether a run has glyphs moved inside their cells. */
const hasOffsets = (run: PlacedRun) => run.glyphOffsetsEm?.some((o) => o !== 0) ?? false;

/**
 * Split a run into pieces: a run without glyph offsets is one piece; otherwise each offset glyph
 * is a piece at its offset place, between batches of unmoved glyphs. A glyph's origin is where it
 * is in the unsplit run (advance of the text before it, kerning included, plus one `Tc` per
 * preceding character), so only offset glyphs move and the order of the text stays.
 *
 * The gaps an offset leaves are read as spaces by poppler (it subtracts `Tc` from a glyph's box,
 * so stretching `Tc` to close them does not help; an ActualText span fixed `pdftotext -raw` but
 * misplaced the line in its layout and bbox modes). The ink is placed exactly, and no more.
 */
function pieces(pdf: PDFKit.PDFDocument, run: PlacedRun): Piece[] {
  if (!hasOffsets(run)) return [{ text: run.text, x: run.xPt }];
  const chars = Array.from(run.text);
  const offsets = run.glyphOffsetsEm!;
  const origin = (i: number) => run.xPt + (i === 0 ? 0 : pdf.widthOfString(chars.slice(0, i).join(''))) + i * run.characterSpacingPt;
  const out: Piece[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end > start) out.push({ text: chars.slice(start, end).join(''), x: origin(start) });
  };
  for (let i = 0; i < chars.length; i++) {
    const offset = offsets[i] ?? 0;
    if (offset === 0) continue;
    flush(i);
    out.push({ text: chars[i]!, x: origin(i) + offset * run.sizePt });
    start = i + 1;
  }
  flush(chars.length);
  return out;
}

/** Draw one run on a baseline. */
export function drawRun(pdf: PDFKit.PDFDocument, run: PlacedRun, baselinePt: number): void {
  if (run.text.length === 0) return;
  selectFont(pdf, run.faceKey, run.sizePt);
  if (run.fauxBold) pdf.save().lineWidth(FAUX_BOLD_EM * run.sizePt);
  const bold = run.fauxBold ?? false;
  for (const p of pieces(pdf, run)) showText(pdf, p.text, p.x, baselinePt, run.characterSpacingPt, bold);
  if (run.fauxBold) pdf.restore();
}

/** Draw every run of a line. */
export function drawLine(pdf: PDFKit.PDFDocument, line: PlacedLine): void {
  for (const run of line.runs) drawRun(pdf, run, line.baselinePt);
}

/** Light yellow of the draft highlight: clearly marked, still legible when printed in grey. */
const HIGHLIGHT = '#fff2a8';

/**
 * Draw the highlight behind every placeholder run of the lines (draft output). The box spans the
 * run's cells (advance plus one `Tc` per character) and the ideographic em box around the baseline.
 */
export function drawPlaceholderHighlights(pdf: PDFKit.PDFDocument, lines: readonly PlacedLine[]): void {
  let open = false;
  for (const line of lines) {
    for (const run of line.runs) {
      if (!run.placeholder || run.text.length === 0) continue;
      if (!open) {
        pdf.save().fillColor(HIGHLIGHT);
        open = true;
      }
      selectFont(pdf, run.faceKey, run.sizePt);
      const width = pdf.widthOfString(run.text) + Array.from(run.text).length * run.characterSpacingPt;
      pdf.rect(run.xPt, line.baselinePt - 0.88 * run.sizePt, width, 1.0 * run.sizePt).fill();
    }
  }
  if (open) pdf.restore();
}

/** Draw table rules as thin strokes. */
export function drawRules(pdf: PDFKit.PDFDocument, rules: readonly PlacedRule[]): void {
  if (rules.length === 0) return;
  pdf.save();
  for (const r of rules) pdf.lineWidth(r.widthPt).moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke();
  pdf.restore();
}

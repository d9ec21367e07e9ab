/**
 * Where each character of a run starts, exactly as the PDF renderer places it: the advance of the
 * text before it (kerning included), one character spacing per preceding character, plus the
 * glyph's own offset inside its cell (src/render/pdf/draw-line.ts does the same with pdfkit).
 */
import type { PlacedRun } from '../../layout/types.ts';

const LATIN = /[A-Za-z]/;

/** Advance of a string in em, in one face (the layout's `Measurer.advance`). */
export type Advance = (faceKey: string, text: string) => number;

/**
 * The x of every UTF-16 code unit of the run (SVG's `x` list counts code units; the low half of a
 * surrogate pair repeats its high half's x, which the browser ignores).
 */
export function glyphXs(run: PlacedRun, advance: Advance): number[] {
  const chars = Array.from(run.text);
  const xs: number[] = [];
  // Text with Latin letters is shaped (kerned) as a whole, so the prefix is measured each time;
  // Han and punctuation advances simply add up.
  const shaped = LATIN.test(run.text);
  let prefix = '';
  let before = 0;
  for (let i = 0; i < chars.length; i++) {
    const offset = (run.glyphOffsetsEm?.[i] ?? 0) * run.sizePt;
    if (i > 0) before = shaped ? advance(run.faceKey, prefix) : before + advance(run.faceKey, chars[i - 1]!);
    const x = run.xPt + before * run.sizePt + i * run.characterSpacingPt + offset;
    for (let u = 0; u < chars[i]!.length; u++) xs.push(x);
    prefix += chars[i];
  }
  return xs;
}

/** Width of a run's cells: its advance plus one character spacing per character. */
export function runWidth(run: PlacedRun, advance: Advance): number {
  return advance(run.faceKey, run.text) * run.sizePt + Array.from(run.text).length * run.characterSpacingPt;
}

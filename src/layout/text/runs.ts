/**
 * Placed glyphs → runs. A run is shown with one call (render/pdf `showText`): same face, size and flags, and one character
 * spacing that carries every glyph of the run exactly to the next glyph's origin. That last part
 * matters for text extraction: pdftotext takes a glyph's extent as advance + spacing, so a glyph
 * whose follower starts earlier (a compressed mark) or later (a narrow quote set in its cell) gets
 * its own spacing, hence its own run, and no glyph's extent overlaps the next one.
 * Run texts concatenate to the source text.
 */
import type { PlacedRun } from '../types.ts';
import type { Glyph } from './cluster.ts';
import type { PlacedGlyphs } from './justify.ts';

/** Positions closer than this are the same, in points (far below a device pixel). */
const SAME_PT = 1e-4;

function isMulti(text: string): boolean {
  if (text.length === 1) return false;
  let n = 0;
  for (const _ of text) if (++n > 1) return true;
  return false;
}

function sameStyle(g: Glyph, run: PlacedRun): boolean {
  const s = g.style;
  return s.faceKey === run.faceKey && s.sizePt === run.sizePt && s.fauxBold === (run.fauxBold ?? false) &&
    s.placeholder === (run.placeholder ?? false);
}

function startRun(g: Glyph, xPt: number, spacing: number): PlacedRun {
  const run: PlacedRun = { text: g.text, faceKey: g.style.faceKey, sizePt: g.style.sizePt, xPt, characterSpacingPt: spacing };
  if (g.style.fauxBold) run.fauxBold = true;
  if (g.style.placeholder) run.placeholder = true;
  return run;
}

/** Group a line's glyphs into runs. */
export function buildRuns(placed: PlacedGlyphs): PlacedRun[] {
  const runs: PlacedRun[] = [];
  const { glyph, xPt, penAfterPt } = placed;
  const n = placed.length;
  let open: PlacedRun | undefined;
  for (let i = 0; i < n; i++) {
    const g = glyph[i]!;
    const x = xPt[i]!;
    const lastOnLine = i === n - 1;
    // Space from this glyph's advance to the next glyph's origin (to its cell end at the line end).
    const trail = (lastOnLine ? penAfterPt[i]! : xPt[i + 1]!) - x - g.advPt;
    const multi = isMulti(g.text);
    // A word has no spacing inside it, so it can only share a run whose spacing is zero.
    const s = open?.characterSpacingPt ?? 0;
    const fits = multi ? Math.abs(s) < SAME_PT : lastOnLine || Math.abs(trail - s) < SAME_PT;
    if (open && fits && sameStyle(g, open)) open.text += g.text;
    else {
      open = startRun(g, x, multi ? 0 : trail);
      runs.push(open);
    }
    // A word followed by a gap ends its run: the gap is the next run's x.
    if (multi && Math.abs(trail) >= SAME_PT) open = undefined;
  }
  return runs;
}

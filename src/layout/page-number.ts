/**
 * Page numbers: GB/T 9704 "— N —" at 14 pt, the top of its line box 7 mm below the block, odd pages
 * right-aligned one character in from the block's right edge, even pages one character in from the
 * left; or centred; or the reading copy's "第 N 页 / 共 M 页" centred. Drawn as artifacts.
 * Reference: GB/T 9704-2012 7.5; typesetting.md §1.4, §6.
 */
import type { PlacedLine, PlacedRun } from './types.ts';
import type { LayoutContext } from './context.ts';
import { PT_PER_MM } from '../style/units.ts';

/** Height of the ideographic em box above the baseline, in em (its top is the line box top). */
export const EM_BOX_ASCENT = 0.88;

/** The page number text for page `n` of `total`. */
export function pageNumberText(ctx: LayoutContext, n: number, total: number): string {
  return ctx.preset.pageNumberFormat === 'dash' ? `\u2014 ${n} \u2014` : `第 ${n} 页 / 共 ${total} 页`;
}

/** The footer line of page `n` (1-based) of `total`. */
export function pageNumberLine(ctx: LayoutContext, n: number, total: number): PlacedLine {
  const p = ctx.preset;
  const g = ctx.geom;
  const size = p.pageNumberSizePt;
  const runs: PlacedRun[] = [];
  let x = 0;
  for (const ch of pageNumberText(ctx, n, total)) {
    const face = ctx.faces.faceFor('pageNumber', ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.faceKey === face) last.text += ch;
    else runs.push({ text: ch, faceKey: face, sizePt: size, xPt: 0, characterSpacingPt: 0 });
  }
  for (const r of runs) {
    r.xPt = x;
    x += ctx.faces.advanceEm(r.faceKey, r.text) * size;
  }
  const width = x;
  const inset = p.pageNumberInsetChars * size;
  let left: number;
  if (p.pageNumberPlacement === 'center') left = g.blockLeftPt + (g.blockWidthPt - width) / 2;
  else if (n % 2 === 1) left = g.blockLeftPt + g.blockWidthPt - inset - width;
  else left = g.blockLeftPt + inset;
  for (const r of runs) r.xPt += left;
  const top = g.blockTopPt + g.blockHeightPt + p.pageNumberGapMm * PT_PER_MM;
  return { baselinePt: top + EM_BOX_ASCENT * size, gridLine: -1, xPt: left, widthPt: width, runs, last: true };
}

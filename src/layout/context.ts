/**
 * What every block layout needs: the preset, the page geometry derived from it, cached faces, and
 * the text style of a styled run (cell width scaled from the body grid).
 */
import type { Preset, PageGeometry } from '../style/preset.ts';
import { pageGeometry } from '../style/preset.ts';
import type { StyledRun } from '../style/types.ts';
import type { Measurer } from './types.ts';
import { Faces } from './text/faces.ts';
import type { StyledSpan, TextStyle } from './text/segment.ts';

/** Shared state of one layout run. */
export interface LayoutContext {
  /** The style preset. */
  preset: Preset;
  /** Page geometry in points. */
  geom: PageGeometry;
  /** Cached measurement. */
  faces: Faces;
}

/** Make the context of one layout run. */
export function createContext(preset: Preset, measurer: Measurer): LayoutContext {
  return { preset, geom: pageGeometry(preset), faces: new Faces(measurer) };
}

/**
 * The cell of text at `sizePt`: the body grid's cell scaled to the size, so every size gets the
 * same relative tracking (16 pt body: 15.793 pt cells, i.e. 28 per line).
 */
export function cellAt(ctx: LayoutContext, sizePt: number): number {
  return (ctx.geom.cellPt * sizePt) / ctx.preset.bodySizePt;
}

/** Styled runs → the spans the text engine sets, each drawn with the face the style stage chose. */
export function spansOf(ctx: LayoutContext, runs: readonly StyledRun[]): StyledSpan[] {
  return runs.map((r) => {
    const style: TextStyle = {
      role: r.fontRole, sizePt: r.sizePt, cellPt: cellAt(ctx, r.sizePt), fauxBold: r.fauxBold, placeholder: r.placeholder, faceKey: r.faceKey,
    };
    return r.position ? { text: r.text, style, position: r.position } : { text: r.text, style };
  });
}

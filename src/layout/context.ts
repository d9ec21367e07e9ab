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

/**
 * One TextStyle object per distinct style, per measurer: the runs of a batch share a handful of
 * styles, and the text engine caches what it derives from a style (cell glyphs) by the object.
 */
const textStyles = new WeakMap<Measurer, Map<string, TextStyle>>();

function textStyleOf(ctx: LayoutContext, r: StyledRun): TextStyle {
  let byKey = textStyles.get(ctx.faces.measurer);
  if (!byKey) textStyles.set(ctx.faces.measurer, (byKey = new Map()));
  const cellPt = cellAt(ctx, r.sizePt);
  const key = `${r.fontRole}|${r.sizePt}|${cellPt}|${r.fauxBold}|${r.placeholder}|${r.faceKey}`;
  let style = byKey.get(key);
  if (!style) {
    style = { role: r.fontRole, sizePt: r.sizePt, cellPt, fauxBold: r.fauxBold, placeholder: r.placeholder, faceKey: r.faceKey };
    byKey.set(key, style);
  }
  return style;
}

/** Styled runs → the spans the text engine sets, each drawn with the face the style stage chose. */
export function spansOf(ctx: LayoutContext, runs: readonly StyledRun[]): StyledSpan[] {
  return runs.map((r) => ({ text: r.text, style: textStyleOf(ctx, r) }));
}

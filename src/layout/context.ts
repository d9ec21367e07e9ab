/**
 * What every block layout needs: the preset, the page geometry derived from it, cached faces, and
 * a helper making the text style of a role at a size (cell width scaled from the body grid).
 */
import type { FontRole } from '../fonts/roles.ts';
import type { Preset, PageGeometry } from '../style/preset.ts';
import { pageGeometry } from '../style/preset.ts';
import type { Measurer } from './types.ts';
import { Faces } from './text/faces.ts';
import type { TextStyle } from './text/segment.ts';

/** Shared state of one layout run. */
export interface LayoutContext {
  /** The style preset. */
  preset: Preset;
  /** Page geometry in points. */
  geom: PageGeometry;
  /** Cached measurement and missing-glyph reports. */
  faces: Faces;
  /** Draft output requested (placeholders are flagged either way). */
  draft: boolean;
  /** Next block index, in document order. */
  nextBlock: number;
}

/** Make the context of one layout run. */
export function createContext(preset: Preset, measurer: Measurer, draft: boolean): LayoutContext {
  return { preset, geom: pageGeometry(preset), faces: new Faces(measurer), draft, nextBlock: 0 };
}

/**
 * The style of `role` at `sizePt`. The cell is the body grid's cell scaled to the size, so every
 * size gets the same relative tracking (16 pt body: 15.793 pt cells, i.e. 28 per line).
 */
export function textStyle(ctx: LayoutContext, role: FontRole, sizePt: number, fauxBold = false): TextStyle {
  return { role, sizePt, cellPt: (ctx.geom.cellPt * sizePt) / ctx.preset.bodySizePt, fauxBold, placeholder: false };
}

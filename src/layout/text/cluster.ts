/**
 * The units the line breaker works with. A cluster never splits across lines: one Han character or
 * full-width mark (one cell), a 破折号/省略号 pair (two cells), or a Latin word or number at its
 * natural width. Widths are precomputed so breaking is arithmetic on prefix sums. Every field is
 * always present (one object shape for all clusters: the breaker and justifier stay monomorphic).
 * A Han character set alone is one object for all its repeats in a style, across a batch
 * (`loneCellCluster` in make-cluster.ts): once `segment` returns, clusters are read only.
 */
import type { PunctSide } from './break-classes.ts';

/** How one piece of text is drawn: everything a run needs except its position. */
export interface GlyphStyle {
  /** Face key from the measurer. */
  faceKey: string;
  /** Font size in points. */
  sizePt: number;
  /** Synthetic bold. */
  fauxBold: boolean;
  /** Unfilled blank. */
  placeholder: boolean;
}

/** One drawable piece of a cluster: a single cell character, or a Latin word segment in one face. */
export interface Glyph {
  /** The characters (source text). */
  text: string;
  /** How it is drawn. */
  style: GlyphStyle;
  /** Natural advance of `text` in points. */
  advPt: number;
  /** Ink extents from the glyph origin in points (set for ——, …… and ？！ pairs, which are placed by their ink). */
  inkPt?: readonly (readonly [number, number])[];
}

/** An unbreakable unit of a line. */
export interface Cluster {
  /** The glyphs, left to right (several for ——, ……, or a word spanning faces). */
  glyphs: Glyph[];
  /** Cells taken when set on the grid (1, or 2 for ——/……); 0 for natural-width (Latin) clusters. */
  cells: number;
  /** Width of one cell in points (for cell clusters). */
  cellPt: number;
  /** Width inside a line, after compression of adjacent marks. */
  widthPt: number;
  /** Width when the cluster ends a line (a compressed pair is split there, so the mark is whole again). */
  endWidthPt: number;
  /** How much more the cluster may shrink inside a line (push-in): half a cell for a lone mark. */
  shrinkPt: number;
  /** How much it may shrink from `endWidthPt` at a line end (GB/T 15834 5.1.10: half a cell). */
  endShrinkPt: number;
  /** Compression side of a full-width mark; 'open' shrinks from the left (undefined: not a compressible mark). */
  side: PunctSide | undefined;
  /** True when this mark was compressed on its right because another mark follows. */
  pairFirst: boolean;
  /** May not begin a line. */
  noStart: boolean;
  /** May not end a line. */
  noEnd: boolean;
  /** A Han character (or kana…), for 孤字 detection. */
  han: boolean;
  /** A Latin word, number or space (natural width). */
  latin: boolean;
  /** Continues the cluster before it (a piece of a URL or long word): no justification stretch between them. */
  glueBefore: boolean;
}

/** The characters of a cluster. */
export function clusterText(c: Cluster): string {
  return c.glyphs.map((g) => g.text).join('');
}

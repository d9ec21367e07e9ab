/**
 * The layout engine's contract: what it measures with, and the positioned pages it produces.
 * No renderer types here — the PDF renderer only draws what this describes (typst's Frame).
 */
import type { Position, SpeechMeta } from '../model/types.ts';
import type { FontRole } from '../fonts/roles.ts';
import type { PageGeometry } from '../style/preset.ts';

/** Text measurement, injected so unit tests can use a fake font with fixed advances. */
export type { Measurer } from '../fonts/types.ts';

/** A run of characters drawn with one call: same face, size and spacing. */
export interface PlacedRun {
  /** The characters, exactly as they should extract from the PDF. */
  text: string;
  /** Face key (see `Measurer.faceFor`). */
  faceKey: string;
  /** Font size in points. */
  sizePt: number;
  /** Left edge of the first glyph, in points from the page's left edge. */
  xPt: number;
  /** Extra space after every character of the run, in points (negative squeezes). */
  characterSpacingPt: number;
  /**
   * Horizontal offset of each glyph within its advance, per character (em); used to place narrow
   * glyphs (WenKai's 0.35 em quotes) inside a full cell. Omitted when all are zero.
   */
  glyphOffsetsEm?: number[];
  /** Draw with synthetic bold (fill + stroke) because the face has no bold cut. */
  fauxBold?: boolean;
  /** Mark as an unfilled blank (drawn with a light highlight in draft output). */
  placeholder?: boolean;
}

/** What a line is, for styling decisions a renderer may still make and for tagging. */
export type LineKind =
  | 'title'
  | 'subtitle'
  | 'speaker'
  | 'date'
  | 'originalTitle'
  | 'salutation'
  | 'heading'
  | 'body'
  | 'credit'
  | 'tableCell'
  | 'pageNumber';

/** PDF structure tag of the block a line belongs to. */
export type StructureTag = 'Title' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'TD' | 'TH' | 'Artifact';

/** One positioned line. */
export interface PlacedLine {
  /** What the line is. */
  kind: LineKind;
  /** Index of the block (in document order) the line belongs to; lines of one block share it. */
  blockIndex: number;
  /** Structure tag of that block. */
  tag: StructureTag;
  /** Baseline, in points from the page's top edge. */
  baselinePt: number;
  /** Left edge of the line's first glyph (of its character cell, for cell-set text). */
  xPt: number;
  /** Distance from the first glyph's left edge to the last glyph's right edge (cell edges for cell-set text). */
  widthPt: number;
  /** The runs, left to right. */
  runs: PlacedRun[];
  /** True for the last line of a paragraph (not justified). */
  last: boolean;
  /** Source span of the block, for debug dumps and diagnostics. */
  source?: Position;
}

/** A straight rule (table borders), in points from the page's top-left. */
export interface PlacedRule {
  /** Start x. */
  x1: number;
  /** Start y. */
  y1: number;
  /** End x. */
  x2: number;
  /** End y. */
  y2: number;
  /** Stroke width. */
  widthPt: number;
}

/** One page. */
export interface Page {
  /** 0-based index. */
  index: number;
  /** Printed page number (1-based). */
  number: number;
  /** Body lines, top to bottom. */
  lines: PlacedLine[];
  /** Page number line(s), drawn as artifacts. */
  footer: PlacedLine[];
  /** Table rules. */
  rules: PlacedRule[];
}

/** A bookmark: one heading and where it landed. */
export interface OutlineEntry {
  /** Heading text, marker included. */
  title: string;
  /** Heading depth 1–4. */
  depth: 1 | 2 | 3 | 4;
  /** Page index the heading starts on. */
  pageIndex: number;
  /** Top of the heading's first line, points from the page top. */
  topPt: number;
}

/** The layout result: everything a renderer needs to draw the document. */
export interface PagedDocument {
  /** Paper width in points. */
  widthPt: number;
  /** Paper height in points. */
  heightPt: number;
  /** The pages. */
  pages: Page[];
  /** Bookmarks, in document order. */
  outline: OutlineEntry[];
  /** The speech's metadata (title, speaker…) for document properties. */
  meta: SpeechMeta;
  /** Face keys actually used by some run. */
  facesUsed: string[];
  /** The text block and grid the lines were set on (for checks and debug dumps). */
  grid?: LayoutGrid;
}

/** Where the text block and its line grid are (the preset's geometry), plus the baseline rule. */
export interface LayoutGrid extends Omit<PageGeometry, 'pageWidthPt' | 'pageHeightPt'> {
  /** Baseline below a grid row's centre, in em of the line's size. */
  baselineBelowCentreEm: number;
}

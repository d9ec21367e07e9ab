/**
 * The layout engine's contract — the frame: pages → blocks (with their styled block, model node,
 * role and structure tag) → lines → runs, and tables as table → row → cell. The PDF renderer only
 * draws and tags what this describes (typst's Frame), and a preview can draw the same. Plain JSON:
 * no renderer types, no functions, so a frame can be serialized and sent to a browser.
 */
import type { Position, SpeechMeta } from '../model/types.ts';
import type { PageGeometry } from '../style/preset.ts';
import type { BlockRole, StructureTag } from '../style/types.ts';

export type { BlockRole, StructureTag } from '../style/types.ts';

/** Text measurement, injected so unit tests can use a fake font with fixed advances. */
export type { Measurer } from '../fonts/types.ts';

/** A run of characters drawn with one call: same face, size and spacing. */
export interface PlacedRun {
  /** The characters, exactly as they should extract from the PDF. */
  text: string;
  /** Face key (`LoadedFace.key`; see `StyledRun.faceKey`). */
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

/** One positioned line. */
export interface PlacedLine {
  /** Baseline, in points from the page's top edge. */
  baselinePt: number;
  /** 0-based grid line of the page the line sits on (the footer's page number: -1). */
  gridLine: number;
  /** Left edge of the line's first glyph (of its character cell, for cell-set text). */
  xPt: number;
  /** Distance from the first glyph's left edge to the last glyph's right edge (cell edges for cell-set text). */
  widthPt: number;
  /** The runs, left to right. */
  runs: PlacedRun[];
  /** True for the last line of its block (not justified). */
  last: boolean;
}

/** What a placed block has whatever it is. */
interface PlacedBlockBase {
  /** Index of the block in `StyledSpeech.blocks`; a block split across pages has one piece per page. */
  block: number;
  /** Index of the model block in `speech.children`; absent for title-block and credit lines. */
  node?: number;
  /** What the block is. */
  role: BlockRole;
  /** Structure tag of the block. */
  tag: StructureTag;
  /** This piece continues a block begun on an earlier page (one structure element, not two). */
  continued: boolean;
  /** Source span of the block, for debug dumps and diagnostics. */
  source?: Position;
}

/** The piece of a text block (title line, heading, paragraph, salutation, credit) on one page. */
export interface PlacedTextBlock extends PlacedBlockBase {
  /** Discriminant. */
  type: 'text';
  /** Heading depth (`role: 'heading'`). */
  depth?: 1 | 2 | 3 | 4;
  /** The lines on this page, top to bottom. */
  lines: PlacedLine[];
}

/** One cell of a placed table row. */
export interface PlacedCell {
  /** 0-based column. */
  column: number;
  /** Header cell (TH) or data cell (TD). */
  tag: 'TH' | 'TD';
  /** The cell's lines, top to bottom (none for an empty cell). */
  lines: PlacedLine[];
}

/** One row of a placed table. */
export interface PlacedRow {
  /** The header row. */
  header: boolean;
  /** A header row drawn again at the top of a continuation page: drawn, but read once (an artifact). */
  repeated: boolean;
  /** Top of the row, points from the page top. */
  topPt: number;
  /** Height of the row in points (whole grid lines). */
  heightPt: number;
  /** The cells, left to right (one per column; empty cells have no lines). */
  cells: PlacedCell[];
}

/** The piece of a table on one page: rows, and the rules drawn around and between them. */
export interface PlacedTable extends PlacedBlockBase {
  /** Discriminant. */
  type: 'table';
  /** The rows on this page, top to bottom. */
  rows: PlacedRow[];
  /** x of every column edge, left to right (n + 1 values). */
  columnEdgesPt: number[];
  /** The table's rules on this page (drawn as layout artifacts). */
  rules: PlacedRule[];
}

/** Any block on a page. */
export type PlacedBlock = PlacedTextBlock | PlacedTable;

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
  /** The blocks on the page, in reading order (top to bottom). */
  blocks: PlacedBlock[];
  /** Page number line(s), drawn as artifacts. */
  footer: PlacedLine[];
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
  /** The text block and grid the lines were set on (for checks, previews and debug dumps). */
  grid: LayoutGrid;
}

/** Where the text block and its line grid are (the preset's geometry), plus the baseline rule. */
export interface LayoutGrid extends Omit<PageGeometry, 'pageWidthPt' | 'pageHeightPt'> {
  /** Baseline below a grid row's centre, in em of the line's size. */
  baselineBelowCentreEm: number;
}

/**
 * What block layout hands to pagination: lines not yet on a page (no baseline yet), grouped into
 * blocks with their keep rules and the identity of the styled block they set, blank grid lines,
 * and tables as rows of cells of lines.
 */
import type { PlacedLine } from '../types.ts';
import type { BlockRole, StructureTag } from '../../style/types.ts';
import type { Position } from '../../model/types.ts';

/** A line waiting for its grid line. `line.baselinePt` and `line.gridLine` are set by pagination. */
export interface FlowLine {
  /** The line, x positions final. */
  line: PlacedLine;
  /** Size of its text, which places the baseline in the grid row. */
  sizePt: number;
}

/** How a block of lines may be split across pages. */
export type SplitRule = 'paragraph' | 'never' | 'free';

/** Which styled block a flow block sets: copied onto every page piece of it. */
export interface FlowIdentity {
  /** Index in `StyledSpeech.blocks`. */
  block: number;
  /** Index of the model block in `speech.children`, when it has one. */
  node?: number;
  /** What the block is. */
  role: BlockRole;
  /** Structure tag. */
  tag: StructureTag;
  /** Heading depth. */
  depth?: 1 | 2 | 3 | 4;
  /** Source span. */
  source?: Position;
}

/** Lines of one block. */
export interface LinesBlock {
  /** Discriminant. */
  type: 'lines';
  /** The styled block the lines set. */
  id: FlowIdentity;
  /** The lines, top to bottom. */
  lines: FlowLine[];
  /** Keep on the page of the next block's first line (headings). */
  keepWithNext: boolean;
  /** 'paragraph': widow/orphan control; 'never': keep whole; 'free': any line may start a page. */
  split: SplitRule;
  /** Bookmark for a heading. */
  outline?: { title: string; depth: 1 | 2 | 3 | 4 };
}

/** One empty grid line (title block spacing); dropped at the top of a page. */
export interface BlankBlock {
  /** Discriminant. */
  type: 'blank';
}

/** One cell of a table row: its lines, each on the next grid line of the row. */
export interface FlowCell {
  /** 0-based column. */
  column: number;
  /** The lines, top to bottom. */
  lines: FlowLine[];
}

/** One table row. */
export interface FlowRow {
  /** The cells, left to right (one per column). */
  cells: FlowCell[];
  /** Grid lines the row takes. */
  height: number;
}

/** A table: rows of grid lines with column edges for the rules. */
export interface TableBlock {
  /** Discriminant. */
  type: 'table';
  /** The styled table. */
  id: FlowIdentity;
  /** Header row, repeated at the top of each page the table continues on. */
  header?: FlowRow;
  /** Body rows. */
  rows: FlowRow[];
  /** x of every column edge, left to right (n + 1 values). */
  columnEdgesPt: number[];
}

/** Anything pagination places. */
export type FlowBlock = LinesBlock | BlankBlock | TableBlock;

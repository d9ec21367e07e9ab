/**
 * What block layout hands to pagination: lines not yet on a page (no baseline yet), grouped into
 * blocks with their keep rules, blank grid lines, and tables as rows of lines.
 */
import type { PlacedLine } from '../types.ts';

/** A line waiting for its grid line. `line.baselinePt` is set by pagination. */
export interface FlowLine {
  /** The line, x positions final. */
  line: PlacedLine;
  /** Size of its text, which places the baseline in the grid row. */
  sizePt: number;
}

/** How a block of lines may be split across pages. */
export type SplitRule = 'paragraph' | 'never' | 'free';

/** Lines of one block. */
export interface LinesBlock {
  /** Discriminant. */
  type: 'lines';
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

/** One table row: its cells' lines, each on a grid line offset from the row's first. */
export interface FlowRow {
  /** Lines with their grid line offset inside the row. */
  lines: { flow: FlowLine; offset: number }[];
  /** Grid lines the row takes. */
  height: number;
}

/** A table: rows of grid lines with column edges for the rules. */
export interface TableBlock {
  /** Discriminant. */
  type: 'table';
  /** Header row, repeated at the top of each page the table continues on. */
  header?: FlowRow;
  /** Body rows. */
  rows: FlowRow[];
  /** x of every column edge, left to right (n + 1 values). */
  columnEdgesPt: number[];
}

/** Anything pagination places. */
export type FlowBlock = LinesBlock | BlankBlock | TableBlock;

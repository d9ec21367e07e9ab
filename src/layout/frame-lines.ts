/**
 * A page's lines in reading order with the block each belongs to: the view checks, dumps and
 * tests want (a table's lines row by row, cell by cell). The frame itself stays nested.
 */
import type { Page, PlacedBlock, PlacedLine } from './types.ts';

/** One line of a page with its block. */
export interface PageLine {
  /** The line. */
  line: PlacedLine;
  /** The block piece it belongs to. */
  block: PlacedBlock;
}

/** Every body line of a page (footer excluded), in reading order. */
export function pageLines(page: Page): PageLine[] {
  const out: PageLine[] = [];
  for (const block of page.blocks) {
    if (block.type === 'text') for (const line of block.lines) out.push({ line, block });
    else for (const row of block.rows) for (const cell of row.cells) for (const line of cell.lines) out.push({ line, block });
  }
  return out;
}

/**
 * A simple table: column widths proportional to content (equal when the content is too wide),
 * cells broken with the same breaker at body size, rows a whole number of grid lines high.
 * Rules are drawn by pagination, which knows where each row landed.
 */
import type { StyledTableBlock } from '../../style/types.ts';
import { cellAt, spansOf, type LayoutContext } from '../context.ts';
import type { FlowRow, TableBlock } from '../paginate/flow.ts';
import { layoutTextBlock } from './text-block.ts';
import { identity } from './text-blocks.ts';
import { segment } from '../text/segment.ts';

/** Inner padding of a cell on each side, in cells (half a character keeps text off the rules). */
const PAD_CELLS = 0.5;
/** Narrowest column, in cells, whatever its content. */
const MIN_COLUMN_CELLS = 2;

/** A table's columns as the layout settles them. */
export interface TableColumns {
  /** Each cell's spans, by row and column. */
  spans: ReturnType<typeof spansOf>[][];
  /** Column widths (pt). */
  widths: number[];
  /** Column edges from the page's left edge (pt), one more than there are columns. */
  edges: number[];
  /** Inner padding of a cell on each side (pt). */
  pad: number;
}

/**
 * A table's columns: each cell's spans, the column widths and their edges (points from the
 * page's left edge). Apart from the cells' lines, which the Word copy does not need (it reads only
 * the edges, render/docx/handout-layout.ts).
 */
export function tableColumns(ctx: LayoutContext, table: StyledTableBlock): TableColumns {
  const g = ctx.geom;
  const cell = cellAt(ctx, table.sizePt);
  const pad = PAD_CELLS * cell;
  const cols = table.columns;
  const spans = table.rows.map((r) => r.cells.map((c) => spansOf(ctx, c.runs)));
  const desired = new Array<number>(cols).fill(MIN_COLUMN_CELLS * cell);
  for (const row of spans) {
    row.forEach((c, j) => {
      const w = segment(c, ctx.faces, Infinity).reduce((s, k) => s + k.widthPt, 0) + 2 * pad;
      desired[j] = Math.max(desired[j]!, w);
    });
  }
  const sum = desired.reduce((a, b) => a + b, 0);
  const widths = sum <= g.blockWidthPt ? desired.map((d) => (d * g.blockWidthPt) / sum) : desired.map(() => g.blockWidthPt / cols);
  const edges = [g.blockLeftPt];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w);
  return { spans, widths, edges, pad };
}

/** Lay out a styled table. */
export function layoutTable(ctx: LayoutContext, table: StyledTableBlock, index: number): TableBlock {
  const cols = table.columns;
  const { spans, widths, edges, pad } = tableColumns(ctx, table);
  const rows: FlowRow[] = spans.map((row) => {
    let height = 1;
    const cells = Array.from({ length: cols }, (_, j) => {
      const lines = row[j] ? layoutTextBlock(ctx, row[j]!, { indentCells: 0, align: 'justify', leftPt: edges[j]! + pad, widthPt: widths[j]! - 2 * pad }) : [];
      height = Math.max(height, lines.length);
      return { column: j, lines };
    });
    return { cells, height };
  });
  const hasHeader = table.rows[0]?.header ?? false;
  const out: TableBlock = { type: 'table', id: identity(table, index), rows: hasHeader ? rows.slice(1) : rows, columnEdgesPt: edges };
  if (hasHeader && rows[0]) out.header = rows[0];
  return out;
}

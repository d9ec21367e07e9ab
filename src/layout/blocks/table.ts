/**
 * A simple table: column widths proportional to content (equal when the content is too wide),
 * cells broken with the same breaker at body size, rows a whole number of grid lines high.
 * Rules are drawn by pagination, which knows where each row landed.
 */
import type { Table } from '../../model/types.ts';
import { textStyle, type LayoutContext } from '../context.ts';
import type { FlowRow, TableBlock } from '../paginate/flow.ts';
import { inlineSpans } from './inline-spans.ts';
import { layoutTextBlock } from './text-block.ts';
import { segment } from '../text/segment.ts';

/** Inner padding of a cell on each side, in cells (half a character keeps text off the rules). */
const PAD_CELLS = 0.5;
/** Narrowest column, in cells, whatever its content. */
const MIN_COLUMN_CELLS = 2;

/** Lay out a table block. */
export function layoutTable(ctx: LayoutContext, table: Table, blockIndex: number): TableBlock {
  const g = ctx.geom;
  const style = textStyle(ctx, 'body', ctx.preset.bodySizePt);
  const pad = PAD_CELLS * style.cellPt;
  const cols = Math.max(1, ...table.children.map((r) => r.children.length));
  const spans = table.children.map((r) => r.children.map((c) => inlineSpans(ctx, c.children, style)));
  const desired = new Array<number>(cols).fill(MIN_COLUMN_CELLS * style.cellPt);
  for (const row of spans) {
    row.forEach((cell, j) => {
      const w = segment(cell, ctx.faces, Infinity).reduce((s, c) => s + c.widthPt, 0) + 2 * pad;
      desired[j] = Math.max(desired[j]!, w);
    });
  }
  const sum = desired.reduce((a, b) => a + b, 0);
  const widths = sum <= g.blockWidthPt ? desired.map((d) => (d * g.blockWidthPt) / sum) : desired.map(() => g.blockWidthPt / cols);
  const edges = [g.blockLeftPt];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w);
  const rows: FlowRow[] = spans.map((row, i) => {
    const header = table.header && i === 0;
    const lines: FlowRow['lines'] = [];
    let height = 1;
    row.forEach((cell, j) => {
      const cellLines = layoutTextBlock(ctx, cell, {
        kind: 'tableCell', tag: header ? 'TH' : 'TD', blockIndex, indentCells: 0, align: 'justify',
        leftPt: edges[j]! + pad, widthPt: widths[j]! - 2 * pad,
        ...(table.children[i]!.children[j]!.position ? { source: table.children[i]!.children[j]!.position! } : {}),
      });
      cellLines.forEach((flow, k) => lines.push({ flow, offset: k }));
      height = Math.max(height, cellLines.length);
    });
    return { lines, height };
  });
  const out: TableBlock = { type: 'table', rows: table.header ? rows.slice(1) : rows, columnEdgesPt: edges };
  if (table.header && rows[0]) out.header = rows[0];
  return out;
}

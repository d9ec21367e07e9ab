/**
 * Table cells recovered from positions. The layout gives table lines a tag (TD/TH) but no row or
 * column, so a line's cell is the box of the page's table rules that holds its start point; without
 * rules, lines sharing a baseline form a row and each line is its own cell.
 */
import type { PlacedLine, PlacedRule } from '../../layout/types.ts';

/** One cell: the lines drawn in it, top to bottom. */
export interface CellLines {
  /** TH when any line of the cell is a header line, else TD. */
  tag: 'TD' | 'TH';
  /** The cell's lines. */
  lines: PlacedLine[];
}

/** Sorted distinct values. */
function edges(values: number[]): number[] {
  return [...new Set(values.map((v) => Math.round(v * 100) / 100))].sort((a, b) => a - b);
}

/** Index of the band (between consecutive edges) holding v; -1 before the first edge. */
function band(sortedEdges: number[], v: number): number {
  let i = -1;
  while (i + 1 < sortedEdges.length && sortedEdges[i + 1]! <= v + 0.01) i++;
  return i;
}

/** Group one page's lines of one table into rows of cells, in reading order. */
export function tableRows(lines: readonly PlacedLine[], rules: readonly PlacedRule[]): CellLines[][] {
  const rowEdges = edges(rules.filter((r) => r.y1 === r.y2).map((r) => r.y1));
  const colEdges = edges(rules.filter((r) => r.x1 === r.x2).map((r) => r.x1));
  const cells = new Map<string, { row: number; col: number; cell: CellLines }>();
  for (const line of lines) {
    const row = rowEdges.length > 0 ? band(rowEdges, line.baselinePt) : Math.round(line.baselinePt * 100);
    const col = colEdges.length > 0 ? band(colEdges, line.xPt) : Math.round(line.xPt * 100);
    const key = `${row}:${col}`;
    let entry = cells.get(key);
    if (!entry) {
      entry = { row, col, cell: { tag: 'TD', lines: [] } };
      cells.set(key, entry);
    }
    entry.cell.lines.push(line);
    if (line.tag === 'TH') entry.cell.tag = 'TH';
  }
  const byRow = new Map<number, { col: number; cell: CellLines }[]>();
  for (const { row, col, cell } of cells.values()) {
    const list = byRow.get(row) ?? [];
    list.push({ col, cell });
    byRow.set(row, list);
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, list]) => list.sort((a, b) => a.col - b.col).map((c) => c.cell));
}

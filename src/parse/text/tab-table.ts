/**
 * Tab-separated lines of a .txt (pasted from a spreadsheet) become a table, so cells never run
 * together in print. Two or more consecutive lines with tabs make one table; a first row without
 * digits under rows with digits is its header.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Table, TableCell, TableRow } from '../../model/types.ts';
import type { SourceLine } from '../types.ts';
import { buildInlines, spanPosition } from './build-inlines.ts';
import { prepareLine } from './prepare-line.ts';

/** Fewest lines of a tab table. */
const MIN_ROWS = 2;

/** The lines with each run of tab-separated lines replaced by one line holding a table. */
export function tabTables(lines: SourceLine[], normalize: boolean, diagnostics: Diagnostic[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && !lines[j]!.table && /\S\t+\S/.test(lines[j]!.text)) j++;
    if (j - i < MIN_ROWS) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const group = lines.slice(i, j);
    const rows = group.map((l) => row(l, normalize, diagnostics));
    const width = Math.max(...rows.map((r) => r.children.length));
    for (const r of rows) while (r.children.length < width) r.children.push({ type: 'tableCell', children: [] });
    const digits = (r: TableRow): boolean => r.children.some((c) => c.children.some((n) => n.type === 'text' && /\d/.test(n.value)));
    const table: Table = { type: 'table', header: !digits(rows[0]!) && rows.slice(1).some(digits), children: rows };
    const first = group[0]!;
    const last = group[group.length - 1]!;
    table.position = { start: { line: first.line, column: 1 }, end: { line: last.line, column: [...last.text].length + 1 } };
    diagnostics.push(diagnostic('info', 'parse/tab-table', `第 ${first.line}–${last.line} 行用制表符分栏，排成 ${rows.length} 行 ${width} 列的表格`, table.position));
    out.push({ text: '', line: first.line, table });
    i = j;
  }
  return out;
}

/** One table row from a tab-separated line; each cell normalized as a line of its own. */
function row(l: SourceLine, normalize: boolean, diagnostics: Diagnostic[]): TableRow {
  const cells: TableCell[] = [];
  let column = l.column ?? 0;
  for (const part of l.text.split('\t')) {
    const len = [...part].length;
    if (part.trim() !== '' || cells.length > 0) {
      const p = prepareLine({ text: part, line: l.line, column }, normalize, diagnostics);
      const cell: TableCell = { type: 'tableCell', children: buildInlines(p, 0, p.chars.length) };
      const position = spanPosition(p, 0, p.chars.length);
      if (position) cell.position = position;
      cells.push(cell);
    }
    column += len + 1;
  }
  // Tabs after the last cell add no empty column.
  while (cells.length > 1 && cells[cells.length - 1]!.children.length === 0) cells.pop();
  const r: TableRow = { type: 'tableRow', children: cells };
  return r;
}

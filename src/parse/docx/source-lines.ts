/**
 * Items → the `SourceLine`s of the parser contract: numbered from 1 in reading order, bold at the
 * start as `boldPrefixLength`, other bold runs as `emphasis`, tables as model tables.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Position, Table } from '../../model/types.ts';
import type { SourceLine } from '../types.ts';
import { isSpace, type Item, type ParagraphItem, type TableItem } from './items.ts';

/** The whole-line position of source line `line` that is `length` code points long. */
export function linePosition(line: number, length: number): Position {
  return { start: { line, column: 1 }, end: { line, column: length + 1 } };
}

/** Bold at the start (whitespace between bold runs stays inside) and bold ranges after it. */
export function boldRanges(p: ParagraphItem): { prefix: number; emphasis: Array<[number, number]> } {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  let lastBold = -1;
  p.chars.forEach((ch, i) => {
    if (isSpace(ch)) return;
    if (p.bold[i]) {
      if (start < 0) start = i;
      lastBold = i;
    } else if (start >= 0) {
      ranges.push([start, lastBold + 1]);
      start = -1;
    }
  });
  if (start >= 0) ranges.push([start, lastBold + 1]);
  const first = ranges[0];
  if (first && first[0] === 0) return { prefix: first[1], emphasis: ranges.slice(1) };
  return { prefix: 0, emphasis: ranges };
}

/** Without a marked header row, a first row set bold throughout (empty cells aside) is one. */
function boldFirstRow(t: TableItem): boolean {
  const first = t.rows[0];
  return t.rows.length > 1 && !!first && first.some((c) => c.allBold) && first.every((c) => c.allBold || c.text === '');
}

function toTable(t: TableItem, position: Position): Table {
  const header = t.headerMarked || boldFirstRow(t);
  return {
    type: 'table',
    header,
    position,
    children: t.rows.map((r) => ({
      type: 'tableRow',
      position,
      children: r.map((c) => ({ type: 'tableCell', position, children: c.text ? [{ type: 'text', value: c.text, position }] : [] })),
    })),
  };
}

/** Number the items and turn their findings into diagnostics at that line. */
export function toSourceLines(items: Item[], file: string | undefined): { lines: SourceLine[]; diagnostics: Diagnostic[] } {
  const lines: SourceLine[] = [];
  const diagnostics: Diagnostic[] = [];
  items.forEach((item, i) => {
    const line = i + 1;
    if (item.kind === 'table') {
      const position = linePosition(line, 1);
      lines.push({ text: '', line, table: toTable(item, position) });
      for (const f of item.findings) diagnostics.push({ ...f, position, ...(file ? { file } : {}) });
      return;
    }
    const text = item.chars.join('');
    const out: SourceLine = { text, line };
    const { prefix, emphasis } = boldRanges(item);
    if (prefix > 0) out.boldPrefixLength = prefix;
    if (emphasis.length > 0) out.emphasis = emphasis;
    if (item.role) out.style = item.role;
    if (item.outline !== undefined) out.outlineLevel = Math.min(4, item.outline + 1) as 1 | 2 | 3 | 4;
    if (item.centered) out.centered = true;
    if ((item.role === 'title' || item.furniture) && item.breaks?.length) {
      // A title broken with Shift+Enter: one source line per printed line, the later ones soft
      // breaks; an attachment list or a 落款 so broken: one line each.
      const cuts = [0, ...item.breaks, item.chars.length];
      for (let k = 0; k + 1 < cuts.length; k++) {
        const part: SourceLine = { text: item.chars.slice(cuts[k], cuts[k + 1]).join(''), line };
        if (item.role === 'title') part.style = 'title';
        if (cuts[k]! > 0) {
          part.column = cuts[k]!;
          if (item.role === 'title') part.softBreak = true;
        }
        if (item.centered) part.centered = true;
        lines.push(part);
      }
    } else lines.push(out);
    const position = linePosition(line, item.chars.length);
    for (const f of item.findings) diagnostics.push({ ...f, position, ...(file ? { file } : {}) });
  });
  return { lines, diagnostics };
}

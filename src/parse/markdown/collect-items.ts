/**
 * mdast block content → a flat list of items for structure detection: headings (with their
 * Markdown depth), text lines (paragraphs, list items, code lines) and ready tables.
 */
import type { RootContent, Table as MdTable } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Table, TableRow } from '../../model/types.ts';
import { buildInlines } from '../text/build-inlines.ts';
import { prepareLine, type PreparedLine } from '../text/prepare-line.ts';
import type { SourceLine } from '../types.ts';
import { flattenPhrasing } from './flatten-phrasing.ts';
import { toPosition } from './position.ts';

/** A `#` heading. */
export interface HeadingItem {
  /** Discriminant. */
  kind: 'heading';
  /** Markdown depth, 1 (`#`) to 6. */
  depth: number;
  /** The heading text, prepared. */
  line: PreparedLine;
}

/** A text line for structure detection: a paragraph, list item or code line. */
export interface LineItem {
  /** Discriminant. */
  kind: 'line';
  /** The text, prepared. */
  line: PreparedLine;
}

/** A GFM table, already converted. */
export interface TableItem {
  /** Discriminant. */
  kind: 'table';
  /** The model table. */
  table: Table;
}

/** One unit of the document in reading order. */
export type Item = HeadingItem | LineItem | TableItem;

/** What collecting needs to know and where it reports. */
export interface CollectContext {
  /** Whether normalization is on. */
  normalize: boolean;
  /** Script of the document (transform/script.ts): Traditional text skips the GB-only normalizations. */
  script?: 'Hans' | 'Hant';
  /** Where findings go. */
  diagnostics: Diagnostic[];
  /** Front matter source, filled by the first `yaml` node. */
  frontMatter?: { value: string; node: RootContent };
}

/** The numbered first paragraph of an ordered list item: its number is kept as typed text. */
interface OrderedLine {
  /** Discriminant. */
  type: 'orderedLine';
  /** The paragraph. */
  paragraph: Extract<RootContent, { type: 'paragraph' }>;
  /** The item's number. */
  number: number;
  /** The list's line, when the paragraph has no position. */
  line: number;
}

/**
 * Collect items from block content. Depth-first with an explicit stack rather than recursion:
 * quotes and lists nest as deep as the input says, and the call stack must not follow it.
 */
export function collectItems(nodes: RootContent[], ctx: CollectContext, out: Item[] = []): Item[] {
  const prep = (src: SourceLine, column: number): PreparedLine => prepareLine(src, ctx.normalize, ctx.diagnostics, Math.max(0, column - 1), ctx.script);
  const stack: Array<{ units: Array<RootContent | OrderedLine>; i: number }> = [{ units: nodes, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.units.length) {
      stack.pop();
      continue;
    }
    const node = top.units[top.i++]!;
    if (node.type === 'orderedLine') {
      const first = node.paragraph;
      const src = flattenPhrasing(first.children, first.position?.start.line ?? node.line, ctx.diagnostics, false);
      const prefix = `${node.number}.`;
      const shifted: SourceLine = { text: prefix + src.text, line: src.line };
      if (src.emphasis) shifted.emphasis = src.emphasis.map(([s, e]) => [s + prefix.length, e + prefix.length]);
      out.push({ kind: 'line', line: prep(shifted, (first.position?.start.column ?? 1) - prefix.length) });
      continue;
    }
    const pos = toPosition(node.position);
    const line = pos?.start.line ?? 0;
    const column = pos?.start.column ?? 1;
    switch (node.type) {
      case 'yaml':
        if (!ctx.frontMatter) ctx.frontMatter = { value: node.value, node };
        break;
      case 'heading': {
        const src = flattenPhrasing(node.children, line, ctx.diagnostics, false);
        // `## ` is part of the source line: text starts after the hashes.
        out.push({ kind: 'heading', depth: node.depth, line: prep(src, column + node.depth + 1) });
        break;
      }
      case 'paragraph':
        out.push({ kind: 'line', line: prep(flattenPhrasing(node.children, line, ctx.diagnostics), column) });
        break;
      case 'list': {
        const units: Array<RootContent | OrderedLine> = [];
        node.children.forEach((item, i) => {
          const first = item.children[0];
          if (node.ordered && first?.type === 'paragraph') {
            // The number is typed text in a speech (1. 加强…): keep it so marker detection sees it.
            units.push({ type: 'orderedLine', paragraph: first, number: (node.start ?? 1) + i, line });
            units.push(...item.children.slice(1));
          } else units.push(...item.children);
        });
        stack.push({ units, i: 0 });
        break;
      }
      case 'blockquote':
        stack.push({ units: node.children, i: 0 });
        break;
      case 'code':
        ctx.diagnostics.push(diagnostic('warning', 'markdown/code', '代码块已按普通段落排版', pos));
        node.value.split('\n').forEach((text, k) => {
          if (text.trim()) out.push({ kind: 'line', line: prep({ text, line: line + 1 + k }, 1) });
        });
        break;
      case 'table':
        out.push({ kind: 'table', table: convertTable(node, prep, ctx.diagnostics) });
        break;
      case 'html':
        ctx.diagnostics.push(diagnostic('warning', 'markdown/html', `HTML 代码已略去：“${node.value.slice(0, 40)}”`, pos));
        break;
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
        break;
      default:
        ctx.diagnostics.push(diagnostic('warning', 'markdown/unsupported', `不支持的 Markdown 元素“${node.type}”已略去`, pos));
    }
  }
  return out;
}

/** A GFM table → model table; GFM tables always have a header row. */
function convertTable(node: MdTable, prep: (src: SourceLine, column: number) => PreparedLine, diagnostics: Diagnostic[]): Table {
  const rows: TableRow[] = node.children.map((row) => {
    const cells = row.children.map((cell) => {
      const p = toPosition(cell.position);
      const l = prep(flattenPhrasing(cell.children, p?.start.line ?? 0, diagnostics, false), (p?.start.column ?? 1) + 1);
      const c: Table['children'][number]['children'][number] = { type: 'tableCell', children: buildInlines(l, 0, l.chars.length) };
      if (p) c.position = p;
      return c;
    });
    const r: TableRow = { type: 'tableRow', children: cells };
    const p = toPosition(row.position);
    if (p) r.position = p;
    return r;
  });
  const t: Table = { type: 'table', header: true, children: rows };
  const p = toPosition(node.position);
  if (p) t.position = p;
  return t;
}

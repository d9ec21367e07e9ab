/**
 * mdast block content → a flat list of items for structure detection: headings (with their
 * Markdown depth), text lines (paragraphs, list items, code lines) and ready tables.
 */
import type { RootContent, Table as MdTable } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Table, TableRow } from '../../model/types.ts';
import { buildInlines } from '../text/build-inlines.ts';
import { isFurnitureBlock } from '../text/furniture.ts';
import { prepareLine, type PreparedLine } from '../text/prepare-line.ts';
import type { SourceLine } from '../types.ts';
import { flattenPhrasing, type HardBreak } from './flatten-phrasing.ts';
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
  /** The Markdown source, for what the tree leaves out (the trailing spaces of a `#` line). */
  source?: string;
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
  // Set by a `#` title that ends in a hard break: the next paragraph is its next line.
  let titleBreak = 0;
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
    const afterTitleBreak = titleBreak > 0 && titleBreak === line;
    titleBreak = 0;
    const column = pos?.start.column ?? 1;
    switch (node.type) {
      case 'yaml':
        if (!ctx.frontMatter) ctx.frontMatter = { value: node.value, node };
        break;
      case 'heading': {
        // A `#` title keeps the writer's breaks (`<br>`, a hard break) as its printed lines.
        const breaks: HardBreak[] | undefined = node.depth === 1 ? [] : undefined;
        const src = flattenPhrasing(node.children, line, ctx.diagnostics, false, breaks);
        // `# 第一行\` or `# 第一行␠␠` then `第二行`: the break a paragraph would have, typed in a title.
        const raw = node.depth === 1 && ctx.source !== undefined && node.position?.end.offset !== undefined ? ctx.source.slice(node.position.start.offset, node.position.end.offset) : '';
        const trailing = /(?:\\| {2,})$/.test(raw) && !/^#+\s*$/.test(raw);
        if (trailing && src.text.endsWith('\\')) src.text = src.text.slice(0, -1);
        // `## ` is part of the source line: text starts after the hashes (a setext heading has none).
        const textColumn = column + (ctx.source !== undefined && node.position?.start.offset !== undefined && ctx.source[node.position.start.offset] !== '#' ? 0 : node.depth + 1);
        const parts = breaks && breaks.length > 0 ? splitAtBreaks(src, breaks, textColumn) : [{ src, column: textColumn }];
        out.push({ kind: 'heading', depth: node.depth, line: prep(parts[0]!.src, parts[0]!.column) });
        for (const p of parts.slice(1)) out.push({ kind: 'line', line: prep(p.src, p.column) });
        // Only the line right under it: a blank line ends the title.
        titleBreak = trailing ? (node.position?.end.line ?? -1) + 1 : 0;
        continue;
      }
      case 'paragraph': {
        if (!afterTitleBreak) {
          // Furniture typed one per line (附件：1.… / 2.…, a 落款 over its date) keeps its lines.
          const probe: HardBreak[] = [];
          const lines = flattenPhrasing(node.children, line, [], false, probe, true);
          if (probe.length > 0 && isFurnitureBlock(splitAtBreaks(lines, probe).map((p) => p.src.text.trim()))) {
            for (const p of splitAtBreaks(lines, probe, column)) out.push({ kind: 'line', line: prep({ text: p.src.text, line: p.src.line }, p.column) });
            break;
          }
          out.push({ kind: 'line', line: prep(flattenPhrasing(node.children, line, ctx.diagnostics), column) });
          break;
        }
        // The line after a title ending in a hard break continues the title, and so do its own breaks.
        const breaks: HardBreak[] = [];
        const src = flattenPhrasing(node.children, line, ctx.diagnostics, false, breaks);
        const parts = breaks.length > 0 ? splitAtBreaks(src, breaks, column) : [{ src, column }];
        for (const p of parts) out.push({ kind: 'line', line: prep({ ...p.src, softBreak: true }, p.column) });
        break;
      }
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

/**
 * The lines of a flattened title split at its hard breaks, each with the source column its text
 * starts at; the later ones continue the title (`softBreak`).
 */
function splitAtBreaks(src: SourceLine, breaks: HardBreak[], firstColumn?: number): Array<{ src: SourceLine; column: number }> {
  const cps = [...src.text];
  const cuts = [0, ...breaks.map((b) => b.at), cps.length];
  const out: Array<{ src: SourceLine; column: number }> = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const text = cps.slice(cuts[k], cuts[k + 1]).join('');
    const b = k > 0 ? breaks[k - 1]! : undefined;
    const part: SourceLine = { text, line: b ? b.line : src.line };
    if (b) part.softBreak = true;
    out.push({ src: part, column: b ? b.column : (firstColumn ?? 0) });
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

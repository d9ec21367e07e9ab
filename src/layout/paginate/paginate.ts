/**
 * Pagination on the line grid: every line takes one grid line (baseline centring the ideographic
 * em box in its row), blocks go where the keep rules let them, blank lines vanish at a page top,
 * tables repeat their header row and get their rules here, headings become outline entries.
 * Reference: GB/T 9704-2012 5.2.3 (22 lines per page); libraries.md (baseline in a grid row).
 */
import type { OutlineEntry, Page, PlacedLine, PlacedRow, PlacedRule, PlacedTable, PlacedTextBlock } from '../types.ts';
import type { LayoutContext } from '../context.ts';
import type { FlowBlock, FlowIdentity, FlowLine, FlowRow, TableBlock } from './flow.ts';
import { isLoneCharLine, linesAt, paragraphSplit } from './keep.ts';

/** Baseline below the row's centre, in em: centres the ideographic em box (0.88 above, 0.12 below). */
export const EM_BOX_CENTRE_TO_BASELINE = 0.38;
/** Width of table rules in points (a hairline that survives printing). */
const RULE_PT = 0.5;
/** Pages beyond this mean a layout bug, not a long speech. */
const MAX_PAGES = 10000;

/** The frame fields of a flow block's identity. */
function pieceOf(id: FlowIdentity, continued: boolean) {
  return {
    block: id.block, ...(id.node !== undefined ? { node: id.node } : {}), role: id.role, tag: id.tag, continued,
    ...(id.source ? { source: id.source } : {}),
  };
}

/** Places lines on pages. */
class Pager {
  readonly pages: Page[] = [];
  readonly outline: OutlineEntry[] = [];
  k = 0;
  /** Tops of the table rows placed on the current page (for the horizontal rules). */
  rowTops: number[] = [];
  readonly ctx: LayoutContext;
  /** Pieces already begun per styled block (a later piece on another page is `continued`). */
  private readonly begun = new Set<number>();

  constructor(ctx: LayoutContext) {
    this.ctx = ctx;
    this.newPage();
  }

  get room(): number {
    return this.ctx.preset.linesPerPage - this.k;
  }

  get page(): Page {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(): void {
    if (this.pages.length >= MAX_PAGES) throw new Error(`[layout] Exceeded ${MAX_PAGES} pages`);
    const index = this.pages.length;
    this.pages.push({ index, number: index + 1, blocks: [], footer: [] });
    this.k = 0;
  }

  /** Top of grid line k. */
  top(k: number): number {
    return this.ctx.geom.blockTopPt + k * this.ctx.geom.linePitchPt;
  }

  /** The piece of a text block on the current page, begun if need be. */
  textPiece(id: FlowIdentity): PlacedTextBlock {
    const last = this.page.blocks[this.page.blocks.length - 1];
    if (last?.type === 'text' && last.block === id.block) return last;
    const piece: PlacedTextBlock = { type: 'text', ...pieceOf(id, this.begun.has(id.block)), ...(id.depth ? { depth: id.depth } : {}), lines: [] };
    this.begun.add(id.block);
    this.page.blocks.push(piece);
    return piece;
  }

  /** Begin the piece of a table on the current page. */
  tablePiece(t: TableBlock): PlacedTable {
    const piece: PlacedTable = { type: 'table', ...pieceOf(t.id, this.begun.has(t.id.block)), rows: [], columnEdgesPt: t.columnEdgesPt, rules: [] };
    this.begun.add(t.id.block);
    this.page.blocks.push(piece);
    return piece;
  }

  /** Put a line on grid line k; `copy` for a line placed again (a repeated table header). */
  place(f: FlowLine, k = this.k, copy = false): PlacedLine {
    const line = copy ? { ...f.line, runs: f.line.runs.map((r) => ({ ...r })) } : f.line;
    line.baselinePt = this.top(k) + this.ctx.geom.linePitchPt / 2 + EM_BOX_CENTRE_TO_BASELINE * f.sizePt;
    line.gridLine = k;
    return line;
  }
}

function placeRow(p: Pager, piece: PlacedTable, row: FlowRow, header: boolean, again = false): void {
  const placed: PlacedRow = {
    header, repeated: again, topPt: p.top(p.k), heightPt: row.height * p.ctx.geom.linePitchPt,
    // A repeated header must not move the lines already placed on the previous page.
    cells: row.cells.map((c) => ({ column: c.column, tag: header ? 'TH' : 'TD', lines: c.lines.map((f, offset) => p.place(f, p.k + offset, again)) })),
  };
  piece.rows.push(placed);
  p.k += row.height;
}

function tableRules(p: Pager, t: TableBlock, piece: PlacedTable, fromK: number): void {
  if (p.k <= fromK) return;
  const edges = t.columnEdgesPt;
  const left = edges[0]!;
  const right = edges[edges.length - 1]!;
  const y0 = p.top(fromK);
  const y1 = p.top(p.k);
  const rules: PlacedRule[] = piece.rules;
  for (const x of edges) rules.push({ x1: x, y1: y0, x2: x, y2: y1, widthPt: RULE_PT });
  for (const y of p.rowTops) rules.push({ x1: left, y1: y, x2: right, y2: y, widthPt: RULE_PT });
  rules.push({ x1: left, y1: y1, x2: right, y2: y1, widthPt: RULE_PT });
}

function placeTable(p: Pager, t: TableBlock): void {
  let from = p.k;
  let piece = p.tablePiece(t);
  p.rowTops = [];
  const startRow = (row: FlowRow, header: boolean, again = false) => {
    p.rowTops.push(p.top(p.k));
    placeRow(p, piece, row, header, again);
  };
  if (t.header) startRow(t.header, true);
  for (const row of t.rows) {
    if (row.height > p.room && p.k > from + (t.header?.height ?? 0)) {
      tableRules(p, t, piece, from);
      p.newPage();
      piece = p.tablePiece(t);
      from = 0;
      p.rowTops = [];
      if (t.header) startRow(t.header, true, true);
    }
    startRow(row, false);
  }
  tableRules(p, t, piece, from);
}

/**
 * Place a block's lines. Returns true when keep rules could not be met even on a fresh page (a
 * heading over a paragraph that only fits a page alone): the next block must then split.
 */
function placeLines(p: Pager, blocks: readonly FlowBlock[], i: number, id: FlowIdentity, lines: FlowLine[], split: boolean, outline?: { title: string; depth: 1 | 2 | 3 | 4 }): boolean {
  const preset = split ? { ...p.ctx.preset, keepParagraphsWhole: false } : p.ctx.preset;
  let q = linesAt(blocks, i, p.room, preset);
  if (q === 0 && p.k > 0) {
    p.newPage();
    q = linesAt(blocks, i, p.room, preset);
  }
  const forced = q === 0;
  if (forced) q = Math.min(lines.length, p.room); // longer than a page, or its keep cannot be met: let it flow
  if (outline) p.outline.push({ ...outline, pageIndex: p.page.index, topPt: p.top(p.k) });
  let done = 0;
  while (done < lines.length) {
    const piece = p.textPiece(id);
    for (let j = 0; j < q; j++) piece.lines.push(p.place(lines[done + j]!, p.k++));
    done += q;
    if (done >= lines.length) break;
    p.newPage();
    const left = lines.length - done;
    q = Math.max(1, Math.min(paragraphSplit(left, p.room, preset.minLinesAtBreak, isLoneCharLine(lines[lines.length - 1])) || p.room, left));
  }
  return forced;
}

/** Put flow blocks on pages. */
export function paginate(ctx: LayoutContext, blocks: readonly FlowBlock[]): { pages: Page[]; outline: OutlineEntry[] } {
  const p = new Pager(ctx);
  let split = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (p.room <= 0) p.newPage();
    if (b.type === 'blank') {
      if (p.k > 0) p.k++;
    } else if (b.type === 'table') {
      if (linesAt(blocks, i, p.room, ctx.preset) === 0 && p.k > 0) p.newPage();
      placeTable(p, b);
    } else {
      split = placeLines(p, blocks, i, b.id, b.lines, split, b.outline) && b.keepWithNext;
      continue;
    }
    split = false;
  }
  return { pages: p.pages, outline: p.outline };
}

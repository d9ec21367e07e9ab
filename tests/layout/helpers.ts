/**
 * Builders and checks for layout tests: a speech from strings, line texts, glyph origins recomputed
 * the way pdfkit draws a run (advance + spacing per character), flushness against the block.
 */
import type { Block, Inline, Speech } from '../../src/model/types.ts';
import type { BlockRole, Page, PagedDocument, PlacedLine, PlacedRule, PlacedRun, StructureTag } from '../../src/layout/types.ts';
import { layoutSpeech } from '../../src/layout/index.ts';
import { OFFICIAL, pageGeometry, type Preset } from '../../src/style/preset.ts';
import { fakeAdvance, fakeMeasurer, type FakeOptions } from './fake-measurer.ts';
import { NO_END, NO_START } from '../../src/layout/text/break-classes.ts';

export const G = pageGeometry(OFFICIAL);
export const CELL = G.cellPt;
export const LEFT = G.blockLeftPt;
export const RIGHT = G.blockLeftPt + G.blockWidthPt;

/** A paragraph of plain text. */
export function para(text: string): Block {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/** A paragraph from inline nodes. */
export function paraOf(children: Inline[]): Block {
  return { type: 'paragraph', children };
}

/** A heading. */
export function heading(depth: 1 | 2 | 3 | 4, marker: string, text: string): Block {
  return { type: 'heading', depth, marker, children: [{ type: 'text', value: text }] };
}

/** A speech with the given body (strings become paragraphs). */
export function speech(body: (string | Block)[], meta: Partial<Speech['meta']> = {}): Speech {
  return {
    type: 'speech',
    meta: { title: '', credits: [], lang: 'zh-CN', ...meta },
    children: body.map((b) => (typeof b === 'string' ? para(b) : b)),
  };
}

/** Lay out with the fake measurer. */
export function layout(s: Speech, preset: Preset = OFFICIAL, fake: FakeOptions = {}) {
  const { value, diagnostics } = layoutSpeech(s, preset, fakeMeasurer(fake));
  return { document: value, diagnostics };
}

/** What a line is, named as the tests name it (a paragraph's lines are `body`). */
export type LineKind = Exclude<BlockRole, 'paragraph' | 'table'> | 'body' | 'tableCell';

/** A frame line with the block it belongs to flattened onto it. */
export interface TestLine extends PlacedLine {
  /** What the line's block is. */
  kind: LineKind;
  /** Structure tag (TH/TD for table cells). */
  tag: StructureTag | 'TH' | 'TD';
  /** Index of the styled block. */
  blockIndex: number;
}

/** Body lines of a page in reading order, each with its block's role, tag and index. */
export function linesOf(page: Page): TestLine[] {
  return page.blocks.flatMap((b): TestLine[] => {
    if (b.type === 'table') {
      return b.rows.flatMap((r) => r.cells.flatMap((c) => c.lines.map((l) => ({ ...l, kind: 'tableCell' as const, tag: c.tag, blockIndex: b.block }))));
    }
    const kind: LineKind = b.role === 'paragraph' ? 'body' : (b.role as LineKind);
    return b.lines.map((l) => ({ ...l, kind, tag: b.tag, blockIndex: b.block }));
  });
}

/** Table rules drawn on a page. */
export function rulesOf(page: Page): PlacedRule[] {
  return page.blocks.flatMap((b) => (b.type === 'table' ? b.rules : []));
}

/** Text of a line. */
export function text(line: PlacedLine): string {
  return line.runs.map((r) => r.text).join('');
}

/** Every body line of a document, in order. */
export function allLines(doc: PagedDocument): TestLine[] {
  return doc.pages.flatMap(linesOf);
}

/** Lines of one block. */
export function blockLines(doc: PagedDocument, blockIndex: number): TestLine[] {
  return allLines(doc).filter((l) => l.blockIndex === blockIndex);
}

/** Glyph origins of a run as pdfkit places them (fake font advances). */
export function origins(run: PlacedRun, fake: FakeOptions = {}): { ch: string; x: number; adv: number }[] {
  const out: { ch: string; x: number; adv: number }[] = [];
  let x = run.xPt;
  for (const ch of run.text) {
    const adv = fakeAdvance(ch, fake) * run.sizePt;
    out.push({ ch, x, adv });
    x += adv + run.characterSpacingPt;
  }
  return out;
}

/** All glyph origins of a line. */
export function lineOrigins(line: PlacedLine, fake: FakeOptions = {}) {
  return line.runs.flatMap((r) => origins(r, fake));
}

/** First and last code points of a line. */
export function ends(line: PlacedLine): { first: number; last: number } {
  const chars = Array.from(text(line));
  return { first: chars[0]!.codePointAt(0)!, last: chars[chars.length - 1]!.codePointAt(0)! };
}

/** Break-rule violations of a line ('' when fine). */
export function violation(line: PlacedLine, paragraphStart = false): string {
  const t = text(line);
  const { first, last } = ends(line);
  if (!paragraphStart && NO_START.has(first) && !t.startsWith('——')) return `starts with ${String.fromCodePoint(first)}: ${t}`;
  if (NO_END.has(last)) return `ends with ${String.fromCodePoint(last)}: ${t}`;
  return '';
}

/** Count of characters of a line (code points). */
export function count(line: PlacedLine): number {
  return Array.from(text(line)).length;
}

/** Whether the line's right edge sits on the block's right edge. */
export function flushRight(line: PlacedLine, tol = 0.5): boolean {
  return Math.abs(line.xPt + line.widthPt - RIGHT) <= tol;
}

/** Han characters, repeated to length n (a fixed cycle so lines are readable). */
export function han(n: number): string {
  const s = '国家发展改革委员会议精神落实推进工作';
  let out = '';
  for (let i = 0; i < n; i++) out += s[i % s.length];
  return out;
}

/**
 * Hand-built PagedDocuments for renderer tests: a tiny greedy layout on a GB/T 9704 grid (A4,
 * 28 mm / 37 mm margins, 22 lines of 28 cells) so the renderer is tested without the layout engine.
 */
import type { BlockRole, LayoutGrid, OutlineEntry, Page, PagedDocument, PlacedLine, PlacedRun, PlacedTextBlock, StructureTag } from '../../src/layout/types.ts';
import type { SpeechMeta } from '../../src/model/types.ts';
import { advanceEm } from './test-fonts.ts';

const MM = 72 / 25.4;
export const PAGE_W = 210 * MM;
export const PAGE_H = 297 * MM;
export const LEFT = 28 * MM;
export const TOP = 37 * MM;
export const BLOCK_W = 156 * MM;
export const PITCH = (225 * MM) / 22;
export const SIZE = 16;

/** The grid the samples are set on. */
const GRID: LayoutGrid = {
  blockLeftPt: LEFT, blockTopPt: TOP, blockWidthPt: BLOCK_W, blockHeightPt: 225 * MM, linePitchPt: PITCH, cellPt: BLOCK_W / 28, baselineBelowCentreEm: 0.38,
};

/** A block of the sample: text set in one face, broken into justified lines. */
export interface SampleBlock {
  /** What the block is. */
  role: BlockRole;
  /** Structure tag. */
  tag: StructureTag;
  /** The text. */
  text: string;
  /** Face key. */
  face?: string;
  /** Size in pt. */
  size?: number;
  /** Heading depth (adds a bookmark). */
  depth?: 1 | 2 | 3 | 4;
  /** Synthetic bold. */
  fauxBold?: boolean;
  /** Indent of the first line in em. */
  indentEm?: number;
  /** Centre the line(s). */
  center?: boolean;
  /** Characters of the text that are placeholders (drawn as separate runs). */
  placeholder?: string;
}

/** Break a block into lines of at most `maxChars` cells; non-last lines justified by Tc. */
function blockLines(b: SampleBlock): { line: PlacedLine }[] {
  const face = b.face ?? 'serif';
  const size = b.size ?? SIZE;
  const chars = Array.from(b.text);
  const out: { line: PlacedLine }[] = [];
  let i = 0;
  let first = true;
  while (i < chars.length) {
    const indent = first ? (b.indentEm ?? 0) * size : 0;
    const capacity = Math.floor((BLOCK_W - indent) / size);
    const slice = chars.slice(i, i + capacity);
    i += slice.length;
    const last = i >= chars.length;
    const text = slice.join('');
    const natural = advanceEm(face, text) * size;
    const cs = last ? 0 : (BLOCK_W - indent - natural) / slice.length;
    const width = natural + cs * slice.length;
    const x = b.center ? LEFT + (BLOCK_W - natural) / 2 : LEFT + indent;
    const runs: PlacedRun[] = [];
    const cut = b.placeholder ? text.indexOf(b.placeholder) : -1;
    const base = { faceKey: face, sizePt: size, characterSpacingPt: cs, ...(b.fauxBold ? { fauxBold: true } : {}) };
    if (cut >= 0) {
      const parts = [text.slice(0, cut), b.placeholder!, text.slice(cut + b.placeholder!.length)];
      let px = x;
      parts.forEach((p, k) => {
        if (!p) return;
        runs.push({ ...base, text: p, xPt: px, ...(k === 1 ? { placeholder: true } : {}) });
        px += advanceEm(face, p) * size + cs * Array.from(p).length;
      });
    } else runs.push({ ...base, text, xPt: x });
    out.push({ line: { baselinePt: 0, gridLine: 0, xPt: x, widthPt: width, runs, last } });
    first = false;
  }
  return out;
}

/** Footer line "— N —" in the serif face, outside edge (odd right, even left). */
function footer(n: number): PlacedLine {
  const text = `— ${n} —`;
  const size = 14;
  const w = advanceEm('serif', text) * size;
  const x = n % 2 === 1 ? LEFT + BLOCK_W - size - w : LEFT + size;
  const baselinePt = TOP + 225 * MM + 7 * MM + 0.8 * size;
  return { baselinePt, gridLine: -1, xPt: x, widthPt: w, runs: [{ text, faceKey: 'serif', sizePt: size, xPt: x, characterSpacingPt: 0 }], last: true };
}

/** Lay out blocks on the grid, one line per grid row. */
export function layoutSample(meta: SpeechMeta, blocks: SampleBlock[]): PagedDocument {
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [];
  const faces = new Set<string>(['serif']);
  let row = 22;
  const page = () => pages[pages.length - 1]!;
  blocks.forEach((b, blockIndex) => {
    faces.add(b.face ?? 'serif');
    let piece: PlacedTextBlock | undefined;
    blockLines(b).forEach(({ line }, k) => {
      if (row >= 22) {
        pages.push({ index: pages.length, number: pages.length + 1, blocks: [], footer: [footer(pages.length + 1)] });
        row = 0;
        piece = undefined;
      }
      const size = line.runs[0]!.sizePt;
      line.baselinePt = TOP + row * PITCH + PITCH / 2 + 0.38 * size;
      line.gridLine = row;
      if (k === 0 && b.depth) outline.push({ title: b.text, depth: b.depth, pageIndex: page().index, topPt: TOP + row * PITCH });
      if (!piece) {
        piece = { type: 'text', block: blockIndex, role: b.role, tag: b.tag, continued: k > 0, lines: [], ...(b.depth ? { depth: b.depth } : {}) };
        page().blocks.push(piece);
      }
      piece.lines.push(line);
      row++;
    });
  });
  return { widthPt: PAGE_W, heightPt: PAGE_H, pages, outline, meta, facesUsed: [...faces], grid: GRID };
}

/** Metadata of the samples. */
export function sampleMeta(title = '在全县经济工作会议上的讲话'): SpeechMeta {
  return { title, subtitle: '——在全县经济工作会议上的讲话', speaker: '县委书记　张三', credits: [], lang: 'zh-CN' };
}

const PARAGRAPH =
  '今年以来，全县上下坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，统筹疫情防控和经济社会发展，' +
  '全县地区生产总值增长百分之六点五，固定资产投资增长百分之九，社会消费品零售总额增长百分之七，' +
  '城乡居民人均可支配收入分别增长百分之五点八和百分之七点二，各项工作取得了新的成效。';

/** A three-page speech exercising every kind of line the renderer draws. */
export function sampleDocument(title?: string): PagedDocument {
  const blocks: SampleBlock[] = [
    { role: 'title', tag: 'Title', text: '在全县经济工作会议上的讲话', size: 22, center: true, fauxBold: true },
    { role: 'speaker', tag: 'P', text: '县委书记　张三', face: 'kai', center: true },
    { role: 'salutation', tag: 'P', text: '同志们：' },
    { role: 'paragraph', tag: 'P', text: PARAGRAPH, indentEm: 2 },
    { role: 'heading', tag: 'H1', text: '一、二〇二三年工作回顾', depth: 1, indentEm: 2, fauxBold: true },
    { role: 'paragraph', tag: 'P', text: PARAGRAPH.repeat(3), indentEm: 2, placeholder: '百分之九' },
    { role: 'heading', tag: 'H2', text: '（一）经济运行稳中向好', face: 'kai', depth: 2, indentEm: 2 },
    { role: 'paragraph', tag: 'P', text: PARAGRAPH.repeat(4), indentEm: 2 },
    { role: 'heading', tag: 'H2', text: '（二）改革开放持续深化', face: 'kai', depth: 2, indentEm: 2 },
    { role: 'paragraph', tag: 'P', text: 'GDP增长6.5%，CPI上涨2.1%。' + PARAGRAPH.repeat(2), indentEm: 2 },
    { role: 'heading', tag: 'H1', text: '二、二〇二四年主要任务', depth: 1, indentEm: 2, fauxBold: true },
    { role: 'heading', tag: 'H2', text: '（一）坚定不移抓好项目建设', face: 'kai', depth: 2, indentEm: 2 },
    { role: 'paragraph', tag: 'P', text: PARAGRAPH.repeat(3), indentEm: 2 },
  ];
  return layoutSample(sampleMeta(title), blocks);
}

/**
 * One page with WenKai's narrow quotes set in full cells (offset glyphs, as the layout does) and a
 * 2 × 2 table with a header row and rules.
 */
export function quotesAndTableDocument(): PagedDocument {
  const kai = (text: string, cell: number, cs = 0, offsets?: number[]): PlacedRun => ({
    text,
    faceKey: 'kai',
    sizePt: SIZE,
    xPt: LEFT + cell * SIZE,
    characterSpacingPt: cs,
    ...(offsets ? { glyphOffsetsEm: offsets } : {}),
  });
  const narrow = (1 - advanceEm('kai', '“')) * SIZE;
  const quoteLine: PlacedLine = {
    baselinePt: TOP + PITCH / 2 + 0.38 * SIZE, gridLine: 0, xPt: LEFT, widthPt: 8 * SIZE, last: true,
    runs: [kai('他说', 0), kai('“', 2, narrow, [narrow / SIZE]), kai('好', 3), kai('”“', 4, narrow, [0, narrow / SIZE]), kai('对', 6), kai('”。', 7, narrow, [0, 0])],
  };
  const rowTop = TOP + 2 * PITCH;
  const colW = BLOCK_W / 2;
  const cell = (text: string, row: number, col: number, tag: 'TD' | 'TH') => ({
    column: col, tag,
    lines: [{
      baselinePt: rowTop + row * PITCH + PITCH / 2 + 0.38 * SIZE, gridLine: 2 + row, xPt: LEFT + col * colW + 4, widthPt: 0, last: true,
      runs: [{ text, faceKey: 'serif', sizePt: SIZE, xPt: LEFT + col * colW + 4, characterSpacingPt: 0 }],
    }],
  });
  const rules = [0, 1, 2].map((r) => ({ x1: LEFT, y1: rowTop + r * PITCH, x2: LEFT + BLOCK_W, y2: rowTop + r * PITCH, widthPt: 0.5 }));
  rules.push(...[0, 1, 2].map((c) => ({ x1: LEFT + c * colW, y1: rowTop, x2: LEFT + c * colW, y2: rowTop + 2 * PITCH, widthPt: 0.5 })));
  const row = (r: number, header: boolean, cells: ReturnType<typeof cell>[]) => ({ header, repeated: false, topPt: rowTop + r * PITCH, heightPt: PITCH, cells });
  const page: Page = {
    index: 0, number: 1, footer: [footer(1)],
    blocks: [
      { type: 'text', block: 0, role: 'paragraph', tag: 'P', continued: false, lines: [quoteLine] },
      {
        type: 'table', block: 1, role: 'table', tag: 'Table', continued: false, columnEdgesPt: [LEFT, LEFT + colW, LEFT + BLOCK_W], rules,
        rows: [row(0, true, [cell('指标', 0, 0, 'TH'), cell('增幅', 0, 1, 'TH')]), row(1, false, [cell('生产总值', 1, 0, 'TD'), cell('百分之六点五', 1, 1, 'TD')])],
      },
    ],
  };
  return { widthPt: PAGE_W, heightPt: PAGE_H, outline: [], meta: sampleMeta(), facesUsed: ['kai', 'serif'], pages: [page], grid: GRID };
}

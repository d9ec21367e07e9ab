/**
 * What the Word copy takes over from the handout's layout, so both show the same page 1: where
 * the PDF breaks each centred title-block line (GB/T 9704's balanced 梯形 title, a long subtitle)
 * and each table's column widths. Word breaks the body itself; these few decisions it cannot make
 * the way the PDF does, so they are copied: a PDF line break becomes a line break (w:br) in the one
 * paragraph of the block. When the handout was laid out in this build its frame is read (each
 * decision made once: a PDF + DOCX build laid the title block and tables out twice, ~3 ms a
 * document); otherwise the layout functions, pure (fonts' metrics in, lines out), lay out only the
 * blocks asked for. Both give the same lines (tests/render-docx: the copy is byte-identical either way).
 */
import type { FontSet } from '../../fonts/types.ts';
import { createMeasurer } from '../../fonts/index.ts';
import { createContext, type LayoutContext } from '../../layout/context.ts';
import { layoutStyledText, styledTextHangPt } from '../../layout/blocks/text-blocks.ts';
import { tableColumns } from '../../layout/blocks/table.ts';
import type { PagedDocument, PlacedBlock } from '../../layout/types.ts';
import type { StyledRun, StyledSpeech, StyledTableBlock, StyledTextBlock } from '../../style/types.ts';

/** The handout's decisions the DOCX copies. */
export interface HandoutLayout {
  /** The runs of a centred block with `breakBefore` wherever the PDF starts a line (block index in `styled.blocks`). */
  brokenRuns(block: StyledTextBlock, index: number): StyledRun[];
  /** Column widths of a table as fractions of the text block's width (sum 1), as the PDF sets them. */
  columnShares(table: StyledTableBlock, index: number): number[];
  /** Where a hanging block's lines after the first start, points from the text block's left edge (0: it does not hang). */
  hangPt(block: StyledTextBlock): number;
}

/**
 * What the DOCX copies from the handout: read from `frame`, the handout's own layout of this
 * styled speech when the build made one, else laid out here on demand.
 */
export function handoutLayout(styled: StyledSpeech, fonts: FontSet, frame?: PagedDocument): HandoutLayout {
  let ctx: LayoutContext | undefined;
  const context = (): LayoutContext => (ctx ??= createContext(styled.preset, createMeasurer(fonts)));
  /** The frame's pieces of each styled block, in page order. */
  let pieces: Map<number, PlacedBlock[]> | undefined;
  const placed = (index: number): PlacedBlock[] => {
    if (!frame) return [];
    if (!pieces) {
      pieces = new Map();
      for (const page of frame.pages) for (const b of page.blocks) pieces.set(b.block, [...(pieces.get(b.block) ?? []), b]);
    }
    return pieces.get(index) ?? [];
  };
  return {
    brokenRuns(block, index) {
      if (block.align !== 'center') return [...block.runs];
      const lines: string[] = [];
      const inFrame = placed(index);
      if (inFrame.length) {
        for (const b of inFrame) if (b.type === 'text') for (const l of b.lines) lines.push(l.runs.map((r) => r.text).join(''));
      } else {
        for (const b of layoutStyledText(context(), block, index)) {
          if (b.type === 'lines') for (const l of b.lines) lines.push(l.line.runs.map((r) => r.text).join(''));
        }
      }
      return breakAtLines(block.runs, lines);
    },
    hangPt(block) {
      return block.hangAt === undefined ? 0 : styledTextHangPt(context(), block);
    },
    columnShares(table, index) {
      const inFrame = placed(index).find((b) => b.type === 'table');
      // Without a frame only the column edges are worked out, not the cells' lines.
      const edges = inFrame?.type === 'table' ? inFrame.columnEdgesPt : tableColumns(context(), table).edges;
      const total = edges[edges.length - 1]! - edges[0]!;
      return edges.slice(1).map((e, i) => (e - edges[i]!) / total);
    },
  };
}

const SPACE = /[\s\u3000]/u;

/**
 * Split `runs` where each of `lines` starts and mark those runs `breakBefore`. Whitespace a line
 * was broken at (坚定信心　真抓实干) is dropped: the break takes its place. Lines are found in the
 * text in order, so a layout that drops such a space still lines up.
 */
export function breakAtLines(runs: readonly StyledRun[], lines: readonly string[]): StyledRun[] {
  const text = runs.map((r) => r.text).join('');
  const starts = new Set<number>();
  const drop = new Set<number>();
  let at = 0;
  lines.forEach((line, i) => {
    const content = line.replace(/[\s\u3000]+$/u, '');
    const found = content ? text.indexOf(content, at) : -1;
    if (found < 0) return;
    if (i > 0) {
      starts.add(found);
      for (let k = found - 1; k >= 0 && SPACE.test(text[k]!); k--) drop.add(k);
    }
    at = found + content.length;
  });
  const out: StyledRun[] = [];
  let offset = 0;
  for (const run of runs) {
    let piece = '';
    let breakBefore = run.breakBefore ?? false;
    for (let k = 0; k < run.text.length; k++) {
      if (starts.has(offset + k)) {
        if (piece) out.push({ ...run, text: piece, breakBefore });
        piece = '';
        breakBefore = true;
      }
      if (!drop.has(offset + k)) piece += run.text[k];
    }
    if (piece) out.push({ ...run, text: piece, breakBefore });
    offset += run.text.length;
  }
  return out.map(({ breakBefore, ...r }) => (breakBefore ? { ...r, breakBefore } : r));
}

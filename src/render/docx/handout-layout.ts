/**
 * What the Word copy takes over from the handout's layout, so both show the same page 1: the
 * title block as the PDF sets it (its lines — balanced title breaks, subtitle breaks — and the
 * blank grid lines between its parts) and each table's column widths. Word breaks the body
 * itself; these few decisions it cannot make the way the PDF does (GB/T 9704's 梯形 title, widths
 * from content), so they are copied: a title line becomes a line break in one Title paragraph.
 * The layout functions are pure (fonts' metrics in, lines out); nothing is drawn here.
 */
import type { FontSet } from '../../fonts/types.ts';
import { createMeasurer } from '../../fonts/index.ts';
import { createContext, type LayoutContext } from '../../layout/context.ts';
import { layoutTitleBlock } from '../../layout/blocks/title-block.ts';
import { layoutTable } from '../../layout/blocks/table.ts';
import type { LineKind } from '../../layout/types.ts';
import type { Speech, Table } from '../../model/types.ts';
import type { Preset } from '../../style/preset.ts';

/** One part of the title block as the PDF prints it. */
export type TitlePart =
  /** A title-block line group (title, subtitle, 原标题, speaker, date), with the PDF's lines. */
  | { kind: LineKind; lines: string[] }
  /** One empty grid line. */
  | { kind: 'blank' };

/** The handout's decisions the DOCX copies. */
export interface HandoutLayout {
  /** Title block parts in print order; empty when the speech has no title block. */
  titleBlock: TitlePart[];
  /** Column widths of a table as fractions of the text block's width (sum 1), as the PDF sets them. */
  columnShares(table: Table): number[];
}

/** Lay out what the DOCX copies from the handout. */
export function handoutLayout(speech: Speech, preset: Preset, fonts: FontSet): HandoutLayout {
  let ctx: LayoutContext | undefined;
  const context = (): LayoutContext => (ctx ??= createContext(preset, createMeasurer(fonts), false));
  const titleBlock: TitlePart[] = [];
  for (const b of layoutTitleBlock(context(), speech.meta)) {
    if (b.type === 'blank') titleBlock.push({ kind: 'blank' });
    else if (b.type === 'lines' && b.lines.length > 0) {
      // The break replaces the space the title was broken at (坚定信心　真抓实干).
      const lines = b.lines.map((l) => l.line.runs.map((r) => r.text).join('').replace(/[\s\u3000]+$/u, ''));
      titleBlock.push({ kind: b.lines[0]!.line.kind, lines });
    }
  }
  return {
    titleBlock,
    columnShares(table) {
      const edges = layoutTable(context(), table, 0).columnEdgesPt;
      const total = edges[edges.length - 1]! - edges[0]!;
      return edges.slice(1).map((e, i) => (e - edges[i]!) / total);
    },
  };
}

/**
 * A model table → a Word table as the PDF sets it: column widths from the layout's (proportional
 * to content), fixed so Word and LibreOffice do not re-balance them, the PDF's half-character cell
 * padding, the header row bold (Table Header style) and repeated on every page, number cells
 * (126, 3亿元, 12.5%) right-aligned (Table Number style).
 * Reference: ECMA-376 Part 1 §17.4 (tables); layout/blocks/table.ts.
 */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { StyledRun, StyledTableBlock } from '../../style/types.ts';
import { inlineRuns } from './inlines.ts';
import type { BlockContext } from './blocks.ts';
import { STYLE } from './styles.ts';

/** Inner padding of a cell on each side, in body characters (as the PDF's layout). */
const PAD_CHARS = 0.5;

/** A number, optionally signed, grouped, decimal, bracketed, with a short unit: 126, −3.5%, 3亿元, （12）. */
const NUMBER = /^[（(]?[+\-−]?[\d０-９]+(?:[.,，．][\d０-９]+)*\s*(?:%|％|‰|[万亿千百]?[元个项人户家台次吨亩米公顷斤千克]{0,3})?[)）]?$/;

/** Whether a cell holds a number (right-aligned so the digits line up). */
export function isNumberCell(runs: readonly StyledRun[]): boolean {
  return NUMBER.test(runs.map((r) => r.text).join('').trim());
}

/** Build the Word table. */
export function table(t: StyledTableBlock, index: number, c: BlockContext): Table {
  const columns = t.columns;
  const shares = c.handout.columnShares(t, index);
  const total = c.geometry.blockWidth;
  // Whole twips that add up to the block width exactly.
  const edges = [0, ...shares.map((_, i) => Math.round(total * shares.slice(0, i + 1).reduce((a, b) => a + b, 0)))];
  const widths = Array.from({ length: columns }, (_, k) => edges[k + 1]! - edges[k]!);
  const pad = Math.round((PAD_CHARS * c.geometry.blockWidth) / c.preset.charsPerLine);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: pad, right: pad, marginUnitType: WidthType.DXA },
    rows: t.rows.map((row) => {
      const header = row.header;
      return new TableRow({
        // The header row repeats on every page the table spans, as in the PDF.
        tableHeader: header,
        children: Array.from({ length: columns }, (_, k) => {
          const cell = row.cells[k];
          const style = header ? STYLE.tableHeader : cell && isNumberCell(cell.runs) ? STYLE.tableNumber : STYLE.tableText;
          return new TableCell({
            width: { size: widths[k]!, type: WidthType.DXA },
            children: [new Paragraph({ style, children: cell ? inlineRuns(cell.runs, c) : [] })],
          });
        }),
      });
    }),
  });
}

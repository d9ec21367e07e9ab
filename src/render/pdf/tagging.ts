/**
 * Tagged-PDF structure: a Document root with one element per block (Title, H1–H4, P, Table), each
 * owning the marked content of its lines on every page it spans; decorations and page numbers are
 * artifacts. With tagging off the same calls just draw, so the page drawing code has one path.
 */
import { structTreeRootDict } from '../../adapters/pdfkit.ts';
import type { PlacedLine, PlacedRule, StructureTag } from '../../layout/types.ts';
import { tableRows } from './table-cells.ts';

/** Structure types that are not standard in PDF 1.7, mapped to the nearest standard one. */
const ROLE_MAP = { Title: 'H1' } as const;

/** A run of consecutive lines of one block, drawn as one marked-content sequence. */
export interface LineGroup {
  /** Block index shared by the lines. */
  blockIndex: number;
  /** Structure tag; TD and TH lines of one table form one group tagged `Table`. */
  tag: StructureTag | 'Table';
  /** The lines, in layout order. */
  lines: PlacedLine[];
}

/** Split a page's lines into groups of consecutive lines of the same block and tag. */
export function groupLines(lines: readonly PlacedLine[]): LineGroup[] {
  const groups: LineGroup[] = [];
  for (const line of lines) {
    const tag = line.tag === 'TD' || line.tag === 'TH' ? 'Table' : line.tag;
    const last = groups[groups.length - 1];
    if (last && last.blockIndex === line.blockIndex && last.tag === tag) last.lines.push(line);
    else groups.push({ blockIndex: line.blockIndex, tag, lines: [line] });
  }
  return groups;
}

/** Writes marked content and builds the structure tree as pages are drawn. */
export class Tagger {
  private readonly pdf: PDFKit.PDFDocument;
  private readonly tagged: boolean;
  private root: PDFKit.PDFStructureElement | undefined;
  private open: { key: string; element: PDFKit.PDFStructureElement; hasHeader: boolean } | undefined;

  constructor(pdf: PDFKit.PDFDocument, tagged: boolean) {
    this.pdf = pdf;
    this.tagged = tagged;
    if (tagged) {
      structTreeRootDict(pdf).RoleMap = { ...ROLE_MAP };
      this.root = pdf.struct('Document');
      pdf.addStructure(this.root);
    }
  }

  /** Draw decoration or pagination outside the structure tree. */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    if (!this.tagged) return draw();
    this.pdf.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    draw();
    this.pdf.endMarkedContent();
  }

  /** Draw a group of lines as the content of its block's element (continued across pages). */
  group(group: LineGroup, rules: readonly PlacedRule[], draw: (line: PlacedLine) => void): void {
    if (!this.tagged || group.tag === 'Artifact') {
      if (group.tag === 'Artifact') return this.artifact('Layout', () => group.lines.forEach(draw));
      return group.lines.forEach(draw);
    }
    const element = this.element(group);
    if (group.tag !== 'Table') return this.mark(element, group.tag, group.lines, draw);
    for (const row of tableRows(group.lines, rules)) {
      const header = row.every((cell) => cell.tag === 'TH');
      // A header row repeated on a continuation page is a layout artifact, read once.
      if (header && this.open!.hasHeader) {
        this.artifact('Layout', () => row.forEach((cell) => cell.lines.forEach(draw)));
        continue;
      }
      if (header) this.open!.hasHeader = true;
      const tr = this.pdf.struct('TR');
      element.add(tr);
      for (const cell of row) {
        const td = this.pdf.struct(cell.tag);
        tr.add(td);
        this.mark(td, cell.tag, cell.lines, draw);
        td.end();
      }
      tr.end();
    }
  }

  /** Close the last element; call once after the last page. */
  finish(): void {
    this.open?.element.end();
    this.open = undefined;
    this.root?.end();
  }

  private mark(element: PDFKit.PDFStructureElement, tag: string, lines: readonly PlacedLine[], draw: (line: PlacedLine) => void) {
    const content = this.pdf.markStructureContent(tag);
    lines.forEach(draw);
    this.pdf.endMarkedContent();
    element.add(content);
  }

  private element(group: LineGroup): PDFKit.PDFStructureElement {
    const key = `${group.blockIndex}:${group.tag}`;
    if (this.open?.key === key) return this.open.element;
    this.open?.element.end();
    const element = this.pdf.struct(group.tag);
    this.root!.add(element);
    this.open = { key, element, hasHeader: false };
    return element;
  }
}

/**
 * Tagged-PDF structure, straight from the frame: a Document root with one element per styled block
 * (Title, H1–H4, P, Table → TR → TH/TD), each owning the marked content of its lines on every page
 * it spans (a piece marked `continued` joins the element begun on an earlier page); a header row
 * repeated on a continuation page, decorations and page numbers are artifacts.
 */
import type { PlacedLine, PlacedTable, PlacedTextBlock } from '../../layout/types.ts';

/** Structure types that are not standard in PDF 1.7, mapped to the nearest standard one. */
const ROLE_MAP = { Title: 'H1' } as const;

/** Writes marked content and builds the structure tree as pages are drawn. */
export class Tagger {
  private readonly pdf: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  /** The element of the block drawn last (a continued piece on the next page adds to it). */
  private open: { block: number; element: PDFKit.PDFStructureElement } | undefined;

  constructor(pdf: PDFKit.PDFDocument) {
    this.pdf = pdf;
    const treeRoot = pdf.getStructTreeRoot() as unknown as { data: Record<string, unknown> };
    treeRoot.data.RoleMap = { ...ROLE_MAP };
    this.root = pdf.struct('Document');
    pdf.addStructure(this.root);
  }

  /** Draw decoration or pagination outside the structure tree. */
  artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    this.pdf.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    draw();
    this.pdf.endMarkedContent();
  }

  /** Draw a text block's lines on this page as the content of its block's element. */
  text(block: PlacedTextBlock, draw: (line: PlacedLine) => void): void {
    this.mark(this.element(block.block, block.tag, block.continued), block.tag, block.lines, draw);
  }

  /** Draw a table's rows on this page as TR → TH/TD of its Table element. */
  table(table: PlacedTable, draw: (line: PlacedLine) => void): void {
    const element = this.element(table.block, 'Table', table.continued);
    for (const row of table.rows) {
      if (row.repeated) {
        this.artifact('Layout', () => row.cells.forEach((cell) => cell.lines.forEach(draw)));
        continue;
      }
      const tr = this.pdf.struct('TR');
      element.add(tr);
      for (const cell of row.cells) {
        const td = this.pdf.struct(cell.tag);
        tr.add(td);
        if (cell.lines.length > 0) this.mark(td, cell.tag, cell.lines, draw);
        td.end();
      }
      tr.end();
    }
  }

  /** Close the last element; call once after the last page. */
  finish(): void {
    this.open?.element.end();
    this.open = undefined;
    this.root.end();
  }

  private mark(element: PDFKit.PDFStructureElement, tag: string, lines: readonly PlacedLine[], draw: (line: PlacedLine) => void) {
    const content = this.pdf.markStructureContent(tag);
    lines.forEach(draw);
    this.pdf.endMarkedContent();
    element.add(content);
  }

  private element(block: number, tag: string, continued: boolean): PDFKit.PDFStructureElement {
    if (continued && this.open?.block === block) return this.open.element;
    this.open?.element.end();
    const element = this.pdf.struct(tag);
    this.root.add(element);
    this.open = { block, element };
    return element;
  }
}

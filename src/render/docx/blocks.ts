/**
 * Styled blocks → docx paragraphs and tables, in the order and with the text the style stage
 * settled: the title block, the body (headings, salutation, paragraphs, tables) and the credits
 * when the preset prints them. Paragraph looks come from the styles; only text and character
 * formatting are written here.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { BlockRole, StyledBlock, StyledSpeech, StyledTableBlock, StyledTextBlock } from '../../style/types.ts';
import type { DocxGeometry } from './geometry.ts';
import { inlineRuns, type InlineContext } from './inlines.ts';
import { STYLE } from './styles.ts';

/** What block building needs beyond the inline context. */
export interface BlockContext extends InlineContext {
  /** Geometry, for table widths and the space under the title block. */
  geometry: DocxGeometry;
}

/** Roles of the title block's lines. */
const TITLE_BLOCK: ReadonlySet<BlockRole> = new Set(['issuer', 'title', 'subtitle', 'note', 'originalTitle', 'docNumber', 'speaker', 'date']);

/**
 * The paragraph style of a text block. Furniture borrows the nearest existing style until it has
 * its own: the issuer the Title, notes the centred Subtitle, the 主送 the flush-left Salutation,
 * 落款 and date the right-aligned Credit, 附件说明 the indented Normal, and the 文号 Normal centred
 * (it is set in the body face, 仿宋, not the title block's 楷体).
 */
export function paragraphStyle(b: StyledTextBlock): string {
  switch (b.role) {
    case 'issuer':
    case 'title':
      return STYLE.title;
    case 'subtitle':
    case 'note':
    case 'originalTitle':
      return STYLE.subtitle;
    case 'speaker':
      return STYLE.speaker;
    case 'date':
      return STYLE.date;
    case 'heading':
      return STYLE.heading(b.depth ?? 1);
    case 'salutation':
    case 'addressee':
      return STYLE.salutation;
    case 'credit':
    case 'signature':
    case 'signedDate':
      return STYLE.credit;
    case 'docNumber':
    case 'attachment':
    case 'paragraph':
    case 'table':
      return STYLE.normal;
  }
}

/** Build every body element of the document, in reading order. */
export function speechBlocks(styled: StyledSpeech, c: BlockContext): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  styled.blocks.forEach((b, i) => {
    out.push(block(b, c));
    // One blank grid line between the title block and the body, as in the PDF. An empty paragraph,
    // not spacing after: LibreOffice rounds 579 tw of spacing on the 579 tw grid up to two lines.
    const next = styled.blocks[i + 1];
    if (TITLE_BLOCK.has(b.role) && (!next || !TITLE_BLOCK.has(next.role))) out.push(new Paragraph({ style: STYLE.normal, children: [] }));
  });
  return out;
}

function block(b: StyledBlock, c: BlockContext): Paragraph | Table {
  if (b.type === 'table') return table(b, c);
  // Word breaks a long title itself; one paragraph keeps it one editable line of thought.
  const centred = b.role === 'docNumber' ? { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } } : {};
  return new Paragraph({ style: paragraphStyle(b), ...centred, children: inlineRuns(b.runs, c) });
}

function table(t: StyledTableBlock, c: BlockContext): Table {
  const columns = t.columns;
  const columnWidth = Math.floor(c.geometry.blockWidth / columns);
  return new Table({
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    rows: t.rows.map(
      (row) =>
        new TableRow({
          // The header row repeats on every page the table spans, as in the PDF.
          tableHeader: row.header,
          children: Array.from({ length: columns }, (_, k) => {
            const cell = row.cells[k];
            return new TableCell({
              width: { size: columnWidth, type: WidthType.DXA },
              children: [new Paragraph({ style: STYLE.tableText, children: cell ? inlineRuns(cell.runs, c) : [] })],
            });
          }),
        }),
    ),
  });
}

/**
 * Model blocks → docx paragraphs and tables: the title block, the body (headings, salutation,
 * paragraphs, tables) and, when the preset prints them, the credits. Paragraph looks come from
 * the styles; only text and character formatting are written here.
 */
import { Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Block, Heading, Speech, Table as TableNode } from '../../model/types.ts';
import type { DocxGeometry } from './geometry.ts';
import { inlineRuns, textRuns, type InlineContext } from './inlines.ts';
import { STYLE } from './styles.ts';

/** What block building needs beyond the inline context. */
export interface BlockContext extends InlineContext {
  /** Geometry, for table widths and the space under the title block. */
  geometry: DocxGeometry;
}

/** Build every body element of the document, in reading order. */
export function speechBlocks(speech: Speech, c: BlockContext): (Paragraph | Table)[] {
  return [...titleBlock(speech, c), ...speech.children.map((b) => block(b, c)), ...credits(speech, c)];
}

function titleBlock(speech: Speech, c: BlockContext): Paragraph[] {
  const m = speech.meta;
  const lines: { style: string; text: string; role: 'title' | 'titleBlock' }[] = [];
  // Word breaks a long title itself; one paragraph keeps it one editable line of thought.
  if (m.title) lines.push({ style: STYLE.title, text: m.title, role: 'title' });
  if (m.subtitle) lines.push({ style: STYLE.subtitle, text: m.subtitle, role: 'titleBlock' });
  if (c.preset.printOriginalTitle && m.originalTitle && m.originalTitle !== m.title) {
    lines.push({ style: STYLE.subtitle, text: `原标题：${m.originalTitle}`, role: 'titleBlock' });
  }
  if (m.speaker) lines.push({ style: STYLE.speaker, text: m.speaker, role: 'titleBlock' });
  if (m.date) lines.push({ style: STYLE.date, text: m.date, role: 'titleBlock' });
  const paragraphs = lines.map((l) => new Paragraph({ style: l.style, children: textRuns(l.text, l.role, c) }));
  // One blank grid line between the title block and the body, as in the PDF. An empty paragraph,
  // not spacing after: LibreOffice rounds 579 tw of spacing on the 579 tw grid up to two lines.
  return paragraphs.length ? [...paragraphs, new Paragraph({ style: STYLE.normal, children: [] })] : [];
}

function block(b: Block, c: BlockContext): Paragraph | Table {
  switch (b.type) {
    case 'heading':
      return heading(b, c);
    case 'paragraph':
      return new Paragraph({ style: STYLE.normal, children: inlineRuns(b.children, 'body', c) });
    case 'salutation':
      return new Paragraph({ style: STYLE.salutation, children: inlineRuns(b.children, 'body', c) });
    case 'table':
      return table(b, c);
    default:
      throw new Error(`[docx] Cannot render unknown block \`${(b as { type: string }).type}\``);
  }
}

function heading(h: Heading, c: BlockContext): Paragraph {
  const role = c.preset.headingRoles[h.depth];
  return new Paragraph({
    style: STYLE.heading(h.depth),
    children: [...textRuns(h.marker, role, c), ...inlineRuns(h.children, role, c)],
  });
}

function table(t: TableNode, c: BlockContext): Table {
  const columns = Math.max(1, ...t.children.map((r) => r.children.length));
  const columnWidth = Math.floor(c.geometry.blockWidth / columns);
  return new Table({
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    rows: t.children.map(
      (row, i) =>
        new TableRow({
          // The header row repeats on every page the table spans, as in the PDF.
          tableHeader: t.header && i === 0,
          children: Array.from({ length: columns }, (_, k) => {
            const cell = row.children[k];
            return new TableCell({
              width: { size: columnWidth, type: WidthType.DXA },
              children: [
                new Paragraph({ style: STYLE.tableText, children: cell ? inlineRuns(cell.children, 'body', c) : [] }),
              ],
            });
          }),
        }),
    ),
  });
}

function credits(speech: Speech, c: BlockContext): Paragraph[] {
  if (!c.preset.printCredits) return [];
  return speech.meta.credits.map(
    (cr) => new Paragraph({ style: STYLE.credit, children: textRuns(`${cr.label}：${cr.value}`, 'body', c) }),
  );
}

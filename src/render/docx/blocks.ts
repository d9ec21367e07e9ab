/**
 * Model blocks → docx paragraphs and tables: the title block, the body (headings, salutation,
 * paragraphs, tables) and, when the preset prints them, the credits. Paragraph looks come from
 * the styles; only text and character formatting are written here.
 */
import { Paragraph, Table, TextRun } from 'docx';
import type { Block, Heading, Paragraph as ParagraphNode, Speech } from '../../model/types.ts';
import type { DocxGeometry } from './geometry.ts';
import type { HandoutLayout, TitlePart } from './handout-layout.ts';
import { inlineRuns, textRuns, type InlineContext } from './inlines.ts';
import { STYLE } from './styles.ts';
import { table } from './table.ts';

/** What block building needs beyond the inline context. */
export interface BlockContext extends InlineContext {
  /** Geometry, for table widths and the space under the title block. */
  geometry: DocxGeometry;
  /** The handout's title-block lines and table widths, copied so both outputs look alike. */
  handout: HandoutLayout;
}

/** Paragraph style and font role of each title-block line kind. */
const TITLE_PARTS: Partial<Record<TitlePart['kind'], { style: string; role: 'title' | 'titleBlock' }>> = {
  title: { style: STYLE.title, role: 'title' },
  subtitle: { style: STYLE.subtitle, role: 'titleBlock' },
  originalTitle: { style: STYLE.subtitle, role: 'titleBlock' },
  speaker: { style: STYLE.speaker, role: 'titleBlock' },
  date: { style: STYLE.date, role: 'titleBlock' },
};

/** Build every body element of the document, in reading order. */
export function speechBlocks(speech: Speech, c: BlockContext): (Paragraph | Table)[] {
  return [...titleBlock(c), ...speech.children.flatMap((b) => block(b, c)), ...credits(speech, c)];
}

/**
 * The title block as the PDF sets it: each part one paragraph, its PDF lines joined by line breaks
 * (one Title paragraph however many lines, so the navigation pane and Word's title stay one), and
 * each blank grid line an empty paragraph — not spacing: LibreOffice rounds 579 tw of spacing on the
 * 579 tw grid up to two lines.
 */
function titleBlock(c: BlockContext): Paragraph[] {
  return c.handout.titleBlock.map((part) => {
    const look = part.kind === 'blank' ? undefined : TITLE_PARTS[part.kind];
    if (part.kind === 'blank' || !look) return new Paragraph({ style: STYLE.normal, children: [] });
    const children = part.lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, look.role, c)]);
    return new Paragraph({ style: look.style, children });
  });
}

function block(b: Block, c: BlockContext): (Paragraph | Table)[] | Paragraph | Table {
  switch (b.type) {
    case 'heading':
      return heading(b, c);
    case 'paragraph':
      return paragraph(b, c);
    case 'salutation':
      return new Paragraph({ style: STYLE.salutation, children: inlineRuns(b.children, 'body', c) });
    case 'table':
      return table(b, c);
    default:
      throw new Error(`[docx] Cannot render unknown block \`${(b as { type: string }).type}\``);
  }
}

/**
 * A paragraph; one opening with a run-in heading (（一）强化责任落实。其余正文…) becomes two, the way
 * Word's style separator (Ctrl+Alt+Enter) writes it: the heading in its own Heading N paragraph
 * whose mark is hidden (`w:vanish` + `w:specVanish`), so the body runs on in the same line while
 * the navigation pane, outline view and TOC list the heading at its level.
 */
function paragraph(p: ParagraphNode, c: BlockContext): Paragraph[] {
  const [first, ...rest] = p.children;
  if (first?.type === 'lead' && first.kind === 'heading' && first.depth && rest.length > 0) {
    return [
      new Paragraph({ style: STYLE.heading(first.depth), run: { vanish: true, specVanish: true }, children: inlineRuns([first], 'body', c) }),
      new Paragraph({ style: STYLE.normal, children: inlineRuns(rest, 'body', c) }),
    ];
  }
  return [new Paragraph({ style: STYLE.normal, children: inlineRuns(p.children, 'body', c) })];
}

function heading(h: Heading, c: BlockContext): Paragraph {
  const role = c.preset.headingRoles[h.depth];
  return new Paragraph({
    style: STYLE.heading(h.depth),
    children: [...textRuns(h.marker, role, c), ...inlineRuns(h.children, role, c)],
  });
}

function credits(speech: Speech, c: BlockContext): Paragraph[] {
  if (!c.preset.printCredits) return [];
  return speech.meta.credits.map(
    (cr) => new Paragraph({ style: STYLE.credit, children: textRuns(`${cr.label}：${cr.value}`, 'body', c) }),
  );
}

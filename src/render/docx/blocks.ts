/**
 * Styled blocks → docx paragraphs and tables, in the order and with the text the style stage
 * settled: the title block, the body (headings, salutation, paragraphs, tables) and the credits
 * when the preset prints them. Paragraph looks come from the styles; only text and character
 * formatting are written here.
 */
import { AlignmentType, Paragraph, Table, type IParagraphOptions } from 'docx';
import type { StyledBlock, StyledSpeech, StyledTextBlock } from '../../style/types.ts';
import type { DocxGeometry } from './geometry.ts';
import type { HandoutLayout } from './handout-layout.ts';
import { inlineRuns, type InlineContext } from './inlines.ts';
import { STYLE } from './styles.ts';
import { table } from './table.ts';

/** What block building needs beyond the inline context. */
export interface BlockContext extends InlineContext {
  /** Geometry, for table widths and the space under the title block. */
  geometry: DocxGeometry;
  /** The handout's title-block line breaks and table widths, copied so both outputs look alike. */
  handout: HandoutLayout;
}

/**
 * The paragraph style of a text block. Furniture borrows the nearest existing style until it has
 * its own: the issuer the Title, notes the centred Subtitle, the 主送 the flush-left Salutation,
 * 附件说明 the indented Normal, and the 文号 Normal centred (it is set in the body face, 仿宋, not
 * the title block's 楷体). The 落款 and 成文日期 have styles of their own (右空二字).
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
    case 'signature':
      return STYLE.signature;
    case 'signedDate':
      return STYLE.signedDate;
    case 'credit':
      return STYLE.credit;
    case 'docNumber':
    case 'attachment':
    case 'paragraph':
    case 'table':
      return STYLE.normal;
  }
}

/**
 * Build every body element of the document, in reading order. The blank grid lines the style
 * stage puts before a block (under the title, before the speaker and the credits) are empty
 * paragraphs, as in the PDF — not spacing: LibreOffice rounds 579 tw of spacing on the 579 tw grid
 * up to two lines.
 */
export function speechBlocks(styled: StyledSpeech, c: BlockContext): (Paragraph | Table)[] {
  return styled.blocks.flatMap((b, i) => [
    ...Array.from({ length: b.blankLinesBefore }, () => new Paragraph({ style: STYLE.normal, children: [] })),
    ...block(b, i, c),
  ]);
}

function block(b: StyledBlock, index: number, c: BlockContext): (Paragraph | Table)[] {
  if (b.type === 'table') return [table(b, index, c)];
  const runIn = runInHeading(b, c);
  if (runIn) return runIn;
  // A centred block (title, subtitle…) stays one paragraph, broken where the PDF breaks it.
  const runs = c.handout.brokenRuns(b, index);
  const style = paragraphStyle(b);
  return [new Paragraph({ style, ...ownFormatting(b, style, c), children: inlineRuns(runs, c) })];
}

/** Word styles whose paragraphs are centred (styles.ts `centred`). */
const CENTRED_STYLES = new Set<string>([STYLE.title, STYLE.subtitle, STYLE.speaker, STYLE.date]);
/** Word styles whose paragraphs carry the body's first-line indent: Normal and the headings. */
const INDENTED_STYLES = new Set<string>([STYLE.normal, ...([1, 2, 3, 4] as const).map(STYLE.heading)]);

/**
 * What a paragraph says itself: the alignment or first-line indent the style stage gave its block
 * where the block's Word style, shared with blocks set otherwise, says different — a centred 文号
 * in Normal or 第一章 in Heading 1, a later attachment (`2.…`) indented under the first one's name.
 */
function ownFormatting(b: StyledTextBlock, style: string, c: BlockContext): Pick<IParagraphOptions, 'alignment' | 'indent'> {
  if (b.align === 'center' && !CENTRED_STYLES.has(style)) return { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } };
  const hangPt = b.align === 'justify' ? c.handout.hangPt(b) : 0;
  if (hangPt > 0) {
    // A wrapped attachment name under its first character, as in the handout: the lines after the
    // first start at `left`, the first `hanging` before it (at its own indent).
    const left = Math.round(hangPt * 20);
    return { indent: { left, hanging: left - b.indentChars * c.geometry.bodyAdvance, firstLineChars: 0 } };
  }
  if (b.align === 'justify' && INDENTED_STYLES.has(style) && b.indentChars !== c.preset.firstLineIndentChars) {
    return { indent: { firstLineChars: b.indentChars * 100, firstLine: b.indentChars * c.geometry.bodyAdvance } };
  }
  return {};
}

/**
 * A paragraph opening with a run-in heading (（一）强化责任落实。其余正文…) becomes two, the way
 * Word's style separator (Ctrl+Alt+Enter) writes it: the heading in its own Heading N paragraph
 * whose mark is hidden (`w:vanish` + `w:specVanish`), so the body runs on in the same line while
 * the navigation pane, outline view and TOC list the heading at its level.
 */
function runInHeading(b: StyledTextBlock, c: BlockContext): Paragraph[] | undefined {
  if (b.role !== 'paragraph') return undefined;
  const lead = b.runs.findIndex((r) => r.role !== 'runInHeading');
  const depth = b.runs[0]?.role === 'runInHeading' ? b.runs[0].depth : undefined;
  if (!depth || lead <= 0) return undefined;
  // Only where the heading looks as its Heading N style does (leadStyle 'role', the presets'
  // default): in a Heading N paragraph a plain or merely bold run-in heading would take that
  // style's face, unlike the PDF. Then the paragraph stays one, as written.
  const p = c.preset;
  if (!b.runs.slice(0, lead).every((r) => r.fontRole === p.headingRoles[depth] && r.bold === p.headingBold[depth])) return undefined;
  return [
    new Paragraph({ style: STYLE.heading(depth), run: { vanish: true, specVanish: true }, children: inlineRuns(b.runs.slice(0, lead), c) }),
    new Paragraph({ style: STYLE.normal, children: inlineRuns(b.runs.slice(lead), c) }),
  ];
}
